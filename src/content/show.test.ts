/** The settings' "how to prompt" and "automatic retry", as the page applies them. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '~/shared/incident.ts';
import type { PagePrompt } from '~/shared/page-prompt.ts';
import { DEFAULT_RETRY } from '~/shared/retry-policy.ts';
import { heardInThisDocument, setPrompt, show } from './show.ts';
// Loaded up front: its on-demand import would otherwise eat into the waits below.
import './page-ui.ts';
import { chatgptView } from '../../test/unit/site-view.ts';

const site = chatgptView();

let episode = 1;
const pageFailure = (): Incident => ({
  siteId: 'chatgpt',
  url: 'https://chatgpt.com/c/1',
  surface: 'page',
  failure: { kind: 'http', status: 502 },
  refusal: null,
  count: 1,
  firstAt: episode++,
  lastAt: episode,
  retries: 0,
  fixes: [],
});

const prompt = (over: Partial<PagePrompt>): PagePrompt => ({
  mode: 'full',
  autoRetry: DEFAULT_RETRY,
  drafts: null,
  ...over,
});
const root = () => document.querySelector('gateway-guard-panel')?.shadowRoot ?? null;

afterEach(async () => {
  await show(site, null);
  setPrompt(null);
});

describe('show, by the settings', () => {
  it('full: a failed page gets the overlay, with automatic retry', async () => {
    // The background keeps the site's schedule: it answers the panel's request to join it.
    const original = fakeBrowser.runtime.sendMessage;
    fakeBrowser.runtime.sendMessage = (async (message: unknown) =>
      (message as { type?: string }).type === 'recoveryWatch'
        ? Promise.resolve({
            view: {
              siteId: 'chatgpt',
              siteName: 'ChatGPT',
              state: 'waiting',
              phase: 'fast',
              dueAt: Date.now() + 2000,
              wakeAt: Date.now() + 2000,
              checks: 0,
              since: Date.now(),
              limitMs: DEFAULT_RETRY.limitMs,
              outageSince: null,
            },
          })
        : undefined) as never;
    setPrompt(prompt({ mode: 'full' }));
    await show(site, pageFailure());
    expect(root()?.querySelector('.gg-overlay')).not.toBeNull();
    await expect.poll(() => root()?.textContent).toContain('Stop retrying');
    fakeBrowser.runtime.sendMessage = original;
  });

  it('compact: a failed page gets the corner notice instead', async () => {
    setPrompt(prompt({ mode: 'compact' }));
    await show(site, pageFailure());
    expect(root()?.querySelector('.gg-compact')).not.toBeNull();
    expect(root()?.querySelector('.gg-overlay')).toBeNull();
  });

  it('off: nothing is shown', async () => {
    setPrompt(prompt({ mode: 'off' }));
    await show(site, pageFailure());
    expect(document.querySelector('gateway-guard-panel')).toBeNull();
  });

  it('automatic retry off: the panel offers no countdown', async () => {
    setPrompt(prompt({ autoRetry: null }));
    await show(site, pageFailure());
    expect(root()?.querySelector('.gg-overlay')).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50)); // The countdown would start now.
    expect(root()?.textContent).not.toContain('Stop retrying');
  });
});

describe('the incident the background held when the page started', () => {
  const compact = (lastAt: number): Incident => ({
    ...pageFailure(),
    surface: 'compact',
    firstAt: lastAt - 10,
    lastAt,
  });

  it('is shown when heard in this document (a chat request failed before the script listened)', () => {
    expect(heardInThisDocument(compact(1_000), 900)).toBe(true);
    expect(heardInThisDocument(compact(Date.now()))).toBe(true);
  });

  it('is not shown when it belongs to the page before a reload: no stale notice flashes', () => {
    expect(heardInThisDocument(compact(800), 900)).toBe(false);
    expect(heardInThisDocument(compact(performance.timeOrigin - 1))).toBe(false);
    expect(heardInThisDocument(null)).toBe(false);
  });
});
