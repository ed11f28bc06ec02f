/**
 * The bootstrap on a page served as an outage: how soon its panel can show. The background
 * is the in-memory fake browser's, answering each request when the test says so.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Incident } from '~/shared/incident.ts';
import type { Response } from '~/shared/protocol/messages.ts';
import { chatgptView } from '../../test/unit/site-view.ts';
import { start } from './bootstrap.ts';
import { latestIncident } from './page-state.ts';
import { loadedPageUi } from './page-ui-loader.ts';
import { show } from './show.ts';

const site = chatgptView();

const failedPage: Response<'pageStarted'> = {
  status: 502,
  verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
  retryAfterMs: null,
  site,
  incident: null,
  // Automatic retry off: no schedule to join, only what these tests look at.
  prompt: { mode: 'full', autoRetry: null, drafts: null },
};

/** Requests to the background wait for `answer(type, reply)`. */
function background() {
  const waiting = new Map<string, (reply: unknown) => void>();
  const asked: string[] = [];
  fakeBrowser.runtime.sendMessage = ((message: { type: string }) => {
    asked.push(message.type);
    return new Promise((resolve) => waiting.set(message.type, resolve));
  }) as never;
  return {
    asked,
    answer: (type: string, reply: unknown) => waiting.get(type)?.(reply),
  };
}

const root = () => document.querySelector('gateway-guard-panel')?.shadowRoot ?? null;
const dialog = () => root()?.querySelector('[role="dialog"]') ?? null;

/** This document as served: its status, as the navigation timing entry reports it. */
function servedWith(status: number) {
  return vi
    .spyOn(performance, 'getEntriesByType')
    .mockImplementation((type) =>
      type === 'navigation' ? ([{ responseStatus: status }] as never) : [],
    );
}

afterAll(async () => {
  vi.restoreAllMocks();
  await show(site, null);
});

// Runs first: the page UI, once loaded, stays loaded in this content-script world.
describe('a page served as an outage', () => {
  it('loads the panel UI while the background has not answered the handshake yet', async () => {
    document.body.innerHTML = '<h1>502 Bad Gateway</h1><hr><center>nginx</center>';
    servedWith(502);
    const bg = background();
    void start();
    expect(bg.asked).toEqual(['pageStarted']);
    await vi.waitFor(() => expect(loadedPageUi()).not.toBeNull());
    expect(dialog()).toBeNull(); // Nothing shown before the settings say how.
    vi.restoreAllMocks();
  });
});

describe('a failed page', () => {
  it('shows its panel before the background has recorded the failure', async () => {
    document.body.innerHTML = '<h1>502 Bad Gateway</h1><hr><center>nginx</center>';
    const bg = background();
    void start();
    bg.answer('pageStarted', failedPage);
    await vi.waitFor(() => expect(bg.asked).toContain('reportFailure'));
    // The report is still unanswered: the panel explains what the page found.
    await vi.waitFor(() => expect(dialog()?.textContent).toContain('Retry now'));
    expect(latestIncident()?.count).toBe(1);

    // The background's record arrives: the same panel takes it (its count, its trace ids).
    const shown = dialog();
    const recorded: Incident = {
      siteId: 'chatgpt',
      url: location.href,
      surface: 'page',
      failure: { kind: 'http', status: 502 },
      refusal: null,
      count: 3,
      firstAt: Date.now() - 60_000,
      lastAt: Date.now(),
      retries: 0,
      fixes: [],
      trace: { at: Date.now(), headers: { 'x-request-id': 'req-123' } },
    };
    bg.answer('reportFailure', { incident: recorded });
    await vi.waitFor(() => expect(latestIncident()?.count).toBe(3));
    expect(latestIncident()?.trace?.headers['x-request-id']).toBe('req-123');
    expect(dialog()).toBe(shown);
  });
});
