/** A pushed incident is read by its schema before the page shows it. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '~/shared/incident.ts';
import { DEFAULT_RETRY } from '~/shared/retry-policy.ts';
import { onIncidentPushed } from './incident-listener.ts';
import { pageState } from './page-state.ts';
import { setPrompt } from './show.ts';
// Loaded up front, as it is once anything was shown.
import './page-ui.ts';
import { chatgptView } from '../../test/unit/site-view.ts';

const site = chatgptView({
  cookieScope: { by: 'domain', domains: ['chatgpt.com'], wider: false },
});

const incident: Incident = {
  siteId: 'chatgpt',
  url: 'https://chatgpt.com/c/1',
  surface: 'compact',
  failure: { kind: 'http', status: 502 },
  refusal: null,
  count: 1,
  firstAt: 1,
  lastAt: 1,
  retries: 0,
  fixes: [],
};

const push = (message: unknown, id = fakeBrowser.runtime.id) =>
  fakeBrowser.runtime.onMessage.trigger(message, { id }, () => undefined);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // "Off": the page only notes the incident, which is what these tests read.
  setPrompt({ mode: 'off', autoRetry: DEFAULT_RETRY, drafts: null });
  pageState().latest = null;
  onIncidentPushed(site);
});
afterEach(() => {
  vi.restoreAllMocks();
  setPrompt(null);
});

describe('onIncidentPushed', () => {
  it('shows a well-formed incident of its site', async () => {
    await push({ type: 'incident', incident });
    await settle();
    expect(pageState().latest).toEqual(incident);
    await push({ type: 'incident', incident: null });
    await settle();
    expect(pageState().latest).toBeNull();
  });

  it('ignores malformed incidents, other sites and other senders', async () => {
    const malformed = [
      { type: 'incident' },
      { type: 'incident', incident: { siteId: 'chatgpt' } },
      { type: 'incident', incident: { ...incident, failure: { kind: 'http', status: '502' } } },
      { type: 'incident', incident: { ...incident, padding: 'x'.repeat(300_000) } },
      { type: 'incident', incident: 'down' },
    ];
    for (const message of malformed) await push(message);
    await push({ type: 'incident', incident: { ...incident, siteId: 'claude' } });
    await push({ type: 'incident', incident }, 'another-extension');
    await settle();
    expect(pageState().latest).toBeNull();
  });
});
