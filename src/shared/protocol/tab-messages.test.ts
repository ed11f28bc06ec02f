/** The background's messages to tabs and pages: read by their schema, or dropped. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '~/shared/incident.ts';
import type { WatchView } from '~/shared/protocol/recovery-messages.ts';
import { MAX_MESSAGE_CHARS } from './read.ts';
import { onBackgroundMessage, readTabMessage } from './tab-messages.ts';

const incident: Incident = {
  siteId: 'chatgpt',
  url: 'https://chatgpt.com/c/1',
  surface: 'compact',
  failure: { kind: 'network', network: 'timed-out', raw: 'net::ERR_TIMED_OUT' },
  refusal: null,
  count: 2,
  firstAt: 1,
  lastAt: 2,
  retries: 0,
  fixes: [{ fix: 'retry-now', at: 2, result: 'retried' }],
  trace: { at: 2, headers: { 'cf-ray': 'abc' }, tookMs: 30 },
};

const view: WatchView = {
  siteId: 'chatgpt',
  siteName: 'ChatGPT',
  state: 'waiting',
  phase: 'fast',
  dueAt: 5,
  wakeAt: 5,
  checks: 1,
  since: 1,
  limitMs: 60_000,
  outageSince: null,
};

const send = (message: unknown, id = fakeBrowser.runtime.id) =>
  fakeBrowser.runtime.onMessage.trigger(message, { id }, () => undefined);

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('readTabMessage', () => {
  it('reads well-formed messages as they were sent', () => {
    expect(readTabMessage('incident', { type: 'incident', incident })).toEqual({
      type: 'incident',
      incident,
    });
    expect(readTabMessage('incident', { type: 'incident', incident: null })).toEqual({
      type: 'incident',
      incident: null,
    });
    expect(readTabMessage('watchChanged', { type: 'watchChanged', view })?.view).toEqual(view);
    expect(readTabMessage('chatSettled', { type: 'chatSettled', ok: false })).toEqual({
      type: 'chatSettled',
      ok: false,
    });
  });

  it('takes an incident stored before retries and fixes were kept', () => {
    const { retries: _r, fixes: _f, ...older } = incident;
    expect(readTabMessage('incident', { type: 'incident', incident: older })?.incident).toEqual({
      ...older,
      retries: 0,
      fixes: [],
    });
  });

  it('drops malformed and oversized messages, logging only their type', () => {
    const bad: Array<[Parameters<typeof readTabMessage>[0], unknown]> = [
      ['incident', { type: 'incident' }],
      ['incident', { type: 'incident', incident: { ...incident, surface: 'sideways' } }],
      ['incident', { type: 'incident', incident: { ...incident, count: 'many' } }],
      ['incident', { type: 'incident', incident: { siteId: 'chatgpt' } }],
      ['chatSettled', { type: 'chatSettled', ok: 'yes' }],
      ['watchChanged', { type: 'watchChanged', view: { ...view, state: 'sleeping' } }],
      ['chatSettled', { type: 'chatSettled', ok: true, padding: 'x'.repeat(MAX_MESSAGE_CHARS) }],
    ];
    for (const [type, message] of bad) {
      warn.mockClear();
      expect(readTabMessage(type, message), JSON.stringify(message).slice(0, 80)).toBeNull();
      expect(warn).toHaveBeenCalledTimes(1);
      const logged = (warn.mock.calls[0] ?? []).join(' ');
      expect(logged).toContain(type);
      expect(logged).not.toContain('chatgpt');
      expect(logged).not.toContain('xxxx');
    }
  });
});

describe('onBackgroundMessage', () => {
  it('hands its listener only well-formed messages of its type, from this extension', async () => {
    const heard = vi.fn();
    const stop = onBackgroundMessage('chatSettled', heard);
    await send({ type: 'chatSettled', ok: true });
    await send({ type: 'chatSettled', ok: 'true' });
    await send({ type: 'chatSettled' });
    await send({ type: 'incident', incident: null });
    await send({ type: 'chatSettled', ok: false }, 'another-extension');
    await send(null);
    expect(heard.mock.calls).toEqual([[{ type: 'chatSettled', ok: true }]]);
    stop();
    await send({ type: 'chatSettled', ok: false });
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
