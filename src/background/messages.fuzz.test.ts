/**
 * Generated malformed and oversized messages, from every kind of sender: each is answered
 * or ignored, never with a throw, and none reaches another site's drafts.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '~/shared/browser.ts';
import { onMessage } from './messages.ts';

const TYPES = [
  'ping',
  'pageStarted',
  'reportFailure',
  'tabIncident',
  'fixTried',
  'clearSiteData',
  'reloadBypassingCache',
  'openNetworkChecks',
  'openRecovery',
  'siteStatuses',
  'popupTab',
  'popupTabAction',
  'incidentHistory',
  'wipeHistory',
  'draftFind',
  'draftSave',
  'draftDelete',
  'draftMove',
  'toString',
  '__proto__',
  'constructor',
  'hasOwnProperty',
];

let tabId = 1;
const RUNS = 10_000;

beforeAll(async () => {
  tabId = (await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/c/1' })).id ?? 1;
  // Not in the in-memory browser: succeed quietly, as the real ones do.
  Object.assign(fakeBrowser.tabs, { reload: async () => undefined });
  Object.assign(fakeBrowser, { browsingData: { remove: async () => undefined } });
});

// Oversized text, built cheaply (generating 30,000 random characters per run is slow).
const big = fc
  .tuple(fc.nat(9_999), fc.constantFrom('a', '\u00e9', '\u{1F600}', '\u0000'))
  .map(([n, c]) => c.repeat(30_000 + n));
const value = fc.oneof(
  { weight: 6, arbitrary: fc.anything({ maxDepth: 2 }) },
  { weight: 1, arbitrary: big },
  { weight: 1, arbitrary: fc.constantFrom('draft:claude /new', 'draft:chatgpt /c/1', 'cookies') },
  { weight: 1, arbitrary: fc.integer() },
);

const message = fc.oneof(
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  {
    weight: 8,
    arbitrary: fc
      .record({
        type: fc.constantFrom(...TYPES),
        fields: fc.dictionary(
          fc.constantFrom(
            'key',
            'text',
            'from',
            'to',
            'sentAt',
            'ifText',
            'url',
            'step',
            'status',
            'verdict',
            'surface',
            'fix',
            'result',
            'tabId',
            'siteIds',
            'force',
            'action',
          ),
          value,
        ),
      })
      .map(({ type, fields }) => ({ ...fields, type })),
  },
);

const sender = fc.constantFrom<() => Runtime.MessageSender>(
  () => ({
    id: fakeBrowser.runtime.id,
    url: 'https://chatgpt.com/c/1',
    frameId: 0,
    tab: { id: tabId } as Runtime.MessageSender['tab'],
  }),
  () => ({
    id: fakeBrowser.runtime.id,
    url: 'https://chatgpt.com/c/1',
    frameId: 4,
    tab: { id: tabId } as Runtime.MessageSender['tab'],
  }),
  () => ({ id: 'another-extension', url: 'https://chatgpt.com/c/1', frameId: 0 }),
  () => ({ id: fakeBrowser.runtime.id, url: 'https://evil.example/', frameId: 0 }),
  () => ({ id: fakeBrowser.runtime.id }),
);

describe('messages under fuzz', () => {
  it('refuses 10,000 malformed and oversized messages without a throw', async () => {
    await fakeBrowser.storage.local.set({
      'draft:claude /new': { text: 'another site', savedAt: Date.now() },
    });
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(message, sender, async (m, from) => {
        const reply = await onMessage(m, from());
        answered++;
        // A foreign extension is never answered at all.
        if (from().id !== fakeBrowser.runtime.id) expect(reply).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    expect(answered).toBe(RUNS);
    const stored = await fakeBrowser.storage.local.get(null);
    // Nothing reached the other site's draft; no draft is larger than the limit.
    expect(stored['draft:claude /new']).toMatchObject({ text: 'another site' });
    for (const [key, draft] of Object.entries(stored)) {
      if (!key.startsWith('draft:')) continue;
      expect(key.startsWith('draft:chatgpt ') || key === 'draft:claude /new').toBe(true);
      expect((draft as { text: string }).text.length).toBeLessThanOrEqual(20_000);
    }
  }, 240_000);
});
