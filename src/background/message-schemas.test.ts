/**
 * Every request is read by its schema before its handler runs: a malformed or oversized
 * one is dropped, logged by its type alone, answered with the handler's own refusal, and
 * never reaches the handler.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '~/shared/browser.ts';
import type { MessageType } from '~/shared/protocol/messages.ts';
import { MAX_MESSAGE_CHARS } from '~/shared/protocol/read.ts';
import { handlers, onMessage } from './messages.ts';

const SECRET = 'what-the-user-typed';

/** A well-formed request of each type, and malformed ones (each still naming the type). */
const CASES: { [K in MessageType]: { valid: object; malformed: object[] } } = {
  ping: { valid: {}, malformed: [] },
  loadPageUi: { valid: {}, malformed: [] },
  pageStarted: { valid: { status: 502 }, malformed: [{}, { status: SECRET }] },
  reportFailure: {
    valid: { verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } }, surface: 'page' },
    malformed: [
      { verdict: { kind: 'ignore' }, surface: 'page' },
      { verdict: { kind: 'outage', failure: { kind: 'http', status: 1.5 } }, surface: 'page' },
      // Not a real status, nor a real refusal.
      { verdict: { kind: 'outage', failure: { kind: 'http', status: 7 } }, surface: 'page' },
      { verdict: { kind: 'refusal', refusal: SECRET, status: null }, surface: 'page' },
      { verdict: { kind: 'outage', failure: { kind: 'page', text: 5 } }, surface: 'compact' },
      { verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } }, surface: SECRET },
      { verdict: SECRET, surface: 'page' },
    ],
  },
  tabIncident: { valid: { tabId: 1 }, malformed: [{ tabId: 1.5 }, { tabId: SECRET }, {}] },
  fixTried: {
    valid: { fix: 'retry-now', result: 'retried' },
    malformed: [
      { fix: SECRET, result: 'retried' },
      { fix: 'retry-now', result: 5 },
      { fix: 'retry-now', result: 'x', url: 5 },
    ],
  },
  clearSiteData: {
    valid: { step: 'storage' },
    malformed: [{ step: SECRET }, {}, { step: 'cookies', url: {} }],
  },
  reloadBypassingCache: { valid: {}, malformed: [] },
  openNetworkChecks: { valid: {}, malformed: [] },
  openRecovery: {
    valid: { status: 502 },
    malformed: [{}, { status: '502' }, { status: 502.5 }, { status: 9999 }],
  },
  siteStatuses: {
    valid: { siteIds: ['chatgpt'], force: true },
    malformed: [{ siteIds: SECRET }, { siteIds: [1] }, { force: 'yes' }],
  },
  popupTab: { valid: { tabId: 3 }, malformed: [{ tabId: 'x' }, { tabId: 1.5 }, {}] },
  popupTabAction: {
    valid: { tabId: 3, action: 'retry' },
    malformed: [{ tabId: 3, action: 'format' }, { tabId: 'x', action: 'retry' }, { tabId: 3 }],
  },
  incidentHistory: { valid: {}, malformed: [] },
  wipeHistory: { valid: {}, malformed: [] },
  draftFind: { valid: { key: 'draft:chatgpt /c/1' }, malformed: [{}, { key: 5 }] },
  draftSave: {
    valid: { key: 'draft:chatgpt /c/1', text: 'hi', sentAt: 5 },
    malformed: [
      { key: 'draft:chatgpt /c/1', text: 5 },
      { key: 'draft:chatgpt /c/1', text: 'hi', sentAt: Number.NaN },
      { key: ['draft:chatgpt /c/1'], text: 'hi' },
    ],
  },
  draftDelete: {
    valid: { key: 'draft:chatgpt /c/1', ifText: 'hi' },
    malformed: [{ key: 'draft:chatgpt /c/1', ifText: 5 }, {}],
  },
  draftMove: {
    valid: { from: 'draft:chatgpt /c/1', to: 'draft:chatgpt /c/2' },
    malformed: [{ from: 'draft:chatgpt /c/1' }, { from: 1, to: 2 }],
  },
  recoveryWatch: {
    valid: { action: 'join', hidden: false, online: true, retryAfterMs: null },
    malformed: [
      { action: SECRET, hidden: false, online: true },
      { action: 'join', hidden: 'no', online: true },
      { action: 'join', hidden: false, online: true, retryAfterMs: '5' },
      // The handler trusts the schema for a finite wait.
      { action: 'join', hidden: false, online: true, retryAfterMs: Number.POSITIVE_INFINITY },
    ],
  },
};

const TYPES = Object.keys(CASES) as MessageType[];

let tabId: number;
const contentScript = (): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://chatgpt.com/c/1',
  frameId: 0,
  tab: { id: tabId } as Runtime.MessageSender['tab'],
});

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  tabId = (await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/c/1' })).id ?? -1;
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** Spies on every handler, answering for them, so none of them runs for real here. */
function spyHandlers() {
  const spies = new Map<MessageType, ReturnType<typeof vi.fn>>();
  for (const type of TYPES) {
    const spy = vi.fn(async () => ({ handled: true }));
    vi.spyOn(handlers, type).mockImplementation(spy as never);
    spies.set(type, spy);
  }
  return spies;
}

function expectLoggedByTypeOnly(type: string) {
  expect(warn).toHaveBeenCalledTimes(1);
  const logged = (warn.mock.calls[0] ?? []).join(' ');
  expect(logged).toContain(`"${type}"`);
  expect(logged).not.toContain(SECRET);
  expect(logged).not.toContain('xxxxxxxx');
}

describe('request schemas', () => {
  it.each(TYPES)('passes a well-formed %s request to its handler', async (type) => {
    const spies = spyHandlers();
    await onMessage({ ...CASES[type].valid, type }, contentScript());
    expect(spies.get(type)).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each(TYPES)('drops malformed %s requests before the handler', async (type) => {
    for (const malformed of CASES[type].malformed) {
      const spies = spyHandlers();
      warn.mockClear();
      const reply = await onMessage({ ...malformed, type }, contentScript());
      expect(spies.get(type), JSON.stringify(malformed)).not.toHaveBeenCalled();
      expect(reply).not.toEqual({ handled: true });
      expectLoggedByTypeOnly(type);
    }
  });

  it.each(TYPES)('drops an oversized %s request before the handler', async (type) => {
    const spies = spyHandlers();
    const padding = 'x'.repeat(MAX_MESSAGE_CHARS);
    await onMessage({ ...CASES[type].valid, padding, type }, contentScript());
    expect(spies.get(type)).not.toHaveBeenCalled();
    expectLoggedByTypeOnly(type);
  });

  it('hands the handler only the declared fields', async () => {
    const spies = spyHandlers();
    await onMessage(
      { type: 'openRecovery', status: 502, url: 'https://elsewhere.example/' },
      contentScript(),
    );
    expect(spies.get('openRecovery')?.mock.calls[0]?.[0]).toEqual({
      type: 'openRecovery',
      status: 502,
    });
  });

  it('cuts a reported page notice short, and judges a network error itself', async () => {
    const spies = spyHandlers();
    const long = 'n'.repeat(1000);
    await onMessage(
      {
        type: 'reportFailure',
        verdict: { kind: 'outage', failure: { kind: 'network', network: 'ssl', raw: long } },
        surface: 'compact',
      },
      contentScript(),
    );
    expect(spies.get('reportFailure')?.mock.calls[0]?.[0]).toMatchObject({
      verdict: { failure: { kind: 'network', network: 'other', raw: 'n'.repeat(80) } },
    });
  });

  it('answers a dropped request with its handler’s refusal', async () => {
    expect(await onMessage({ type: 'popupTab', tabId: 'x' }, contentScript())).toEqual({
      tab: null,
    });
    expect(await onMessage({ type: 'clearSiteData', step: 'everything' }, contentScript())).toEqual(
      { ok: false, cacheCleared: false },
    );
    // Starting a page has no refusal: no answer, as when the background is away.
    expect(onMessage({ type: 'pageStarted', status: 'x' }, contentScript())).toBeUndefined();
  });

  it('does not log unknown types or foreign senders at all', () => {
    expect(onMessage({ type: SECRET }, contentScript())).toBeUndefined();
    expect(onMessage({ type: 'openRecovery' }, { id: 'another-extension' })).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('drops a message that cannot be measured (a cycle)', async () => {
    const spies = spyHandlers();
    const cyclic: Record<string, unknown> = { type: 'draftFind', key: 'draft:chatgpt /c/1' };
    cyclic.self = cyclic;
    expect(await onMessage(cyclic, contentScript())).toEqual({ found: null });
    expect(spies.get('draftFind')).not.toHaveBeenCalled();
  });
});

describe('dropped requests change nothing', () => {
  it('an oversized draft is not stored', async () => {
    const text = 'a'.repeat(MAX_MESSAGE_CHARS);
    const reply = await onMessage(
      { type: 'draftSave', key: 'draft:chatgpt /c/1', text },
      contentScript(),
    );
    expect(reply).toEqual({ ok: false });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a recovery request with no real status leaves the tab where it is', async () => {
    for (const status of [7, 1e9, '502']) {
      expect(await onMessage({ type: 'openRecovery', status }, contentScript())).toEqual({
        ok: false,
      });
    }
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe('https://chatgpt.com/c/1');
  });
});
