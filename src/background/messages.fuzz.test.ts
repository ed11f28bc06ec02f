/**
 * Generated malformed and oversized messages, from every kind of sender: each is answered
 * or ignored, never with a throw, none reaches another site's drafts, every handler is
 * handed only what its schema reads, and only a covered site's top frame can act on a tab.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import fc from 'fast-check';
import * as v from 'valibot';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '~/shared/browser.ts';
import type { MessageType } from '~/shared/protocol/messages.ts';
import { REQUESTS } from '~/shared/protocol/requests.ts';
import { handlers, onMessage } from './messages.ts';

const TYPES = [
  'ping',
  'loadPageUi',
  'recoveryWatch',
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
/** Requests a handler was handed that its schema would not read. */
const unread: string[] = [];
/** Tab reloads, moves and openings, and data cleared, since the last message. */
let acted = 0;

beforeAll(async () => {
  tabId = (await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/c/1' })).id ?? 1;
  // Not in the in-memory browser: succeed quietly, as the real ones do.
  Object.assign(fakeBrowser.tabs, { reload: async () => void acted++ });
  Object.assign(fakeBrowser, { browsingData: { remove: async () => void acted++ } });
  const { create, update } = fakeBrowser.tabs;
  Object.assign(fakeBrowser.tabs, {
    create: (...args: Parameters<typeof create>) => {
      acted++;
      return create(...args);
    },
    update: (...args: Parameters<typeof update>) => {
      acted++;
      return update(...args);
    },
  });
  for (const type of Object.keys(handlers) as MessageType[]) {
    const handler = handlers[type] as (request: unknown, sender: unknown) => unknown;
    vi.spyOn(handlers, type).mockImplementation(((request: unknown, sender: unknown) => {
      if (!v.is(REQUESTS[type], request)) unread.push(type);
      return handler(request, sender);
    }) as never);
  }
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
            'hidden',
            'online',
            'retryAfterMs',
          ),
          value,
        ),
      })
      .map(({ type, fields }) => ({ ...fields, type })),
  },
);

/** The first sender is the top frame of a covered site: the only one that may act on a tab. */
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
    let actedForPage = 0;
    await fc.assert(
      fc.asyncProperty(message, sender, async (m, from) => {
        acted = 0;
        const reply = await onMessage(m, from());
        answered++;
        // A foreign extension is never answered at all.
        if (from().id !== fakeBrowser.runtime.id) expect(reply).toBeUndefined();
        // A sub-frame, a page of another site, a foreign extension: none acts on a tab.
        const covered = from();
        if (covered.frameId !== 0 || !covered.tab || covered.url !== 'https://chatgpt.com/c/1') {
          expect(acted).toBe(0);
        } else {
          actedForPage += acted;
        }
      }),
      { numRuns: RUNS },
    );
    expect(answered).toBe(RUNS);
    expect(unread).toEqual([]);
    // The check above is not vacuous: the covered page's own requests did act.
    expect(actedForPage).toBeGreaterThan(0);
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
