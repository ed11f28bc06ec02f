import { describe, expect, it } from 'vitest';
import type { Incident, IncidentEvent } from '~/shared/incident.ts';
import {
  appendHistory,
  boundHistory,
  endingOf,
  HISTORY_MAX,
  type HistoryEntry,
  historyEntry,
} from './history.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = 100 * DAY;

const incident = (over: Partial<Incident> = {}): Incident => ({
  siteId: 'chatgpt',
  url: 'https://chatgpt.com/c/1',
  surface: 'page',
  failure: { kind: 'http', status: 502 },
  refusal: null,
  count: 3,
  firstAt: NOW - 60_000,
  lastAt: NOW - 1000,
  retries: 0,
  fixes: [],
  ...over,
});

const entry = (endedAt: number, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  siteId: 'chatgpt',
  kind: 'http',
  code: 502,
  startedAt: endedAt - 1000,
  endedAt,
  count: 1,
  ended: 'recovered',
  ...over,
});

describe('historyEntry', () => {
  it('keeps the site, the code, the times, the count and how it ended', () => {
    expect(historyEntry(incident(), NOW, 'recovered')).toEqual({
      siteId: 'chatgpt',
      kind: 'http',
      code: 502,
      startedAt: NOW - 60_000,
      endedAt: NOW,
      count: 3,
      ended: 'recovered',
    });
  });

  it('keeps the kind of a network failure, without a code', () => {
    const network = incident({ failure: { kind: 'network', network: 'timed-out', raw: 'x' } });
    expect(historyEntry(network, NOW, 'closed')).toMatchObject({ kind: 'network', code: null });
  });

  it('leaves out answers that were not outages (rate limits, challenges)', () => {
    const refusal = incident({ failure: null, refusal: { kind: 'rate-limit', status: 429 } });
    expect(historyEntry(refusal, NOW, 'recovered')).toBeNull();
  });
});

describe('endingOf', () => {
  const before = incident();
  const healthy: IncidentEvent = { type: 'page-loaded', siteId: 'chatgpt', healthy: true };
  const elsewhere: IncidentEvent = { type: 'page-loaded', siteId: null, healthy: true };
  const failure = (siteId = 'chatgpt'): IncidentEvent => ({
    type: 'failure',
    siteId,
    url: 'https://chatgpt.com/c/2',
    verdict: { kind: 'outage', failure: { kind: 'http', status: 503 } },
    surface: 'page',
  });

  it('a healthy load of the site or a working chat request is a recovery', () => {
    expect(endingOf(before, null, healthy)).toBe('recovered');
    expect(endingOf(incident({ surface: 'compact' }), null, { type: 'chat-ok' })).toBe('recovered');
  });

  it('going elsewhere, or another site loading in the tab, is leaving', () => {
    expect(endingOf(before, null, elsewhere)).toBe('left');
    expect(endingOf(before, null, { type: 'page-loaded', siteId: 'claude', healthy: true })).toBe(
      'left',
    );
  });

  it('a new episode taking the old one’s place (even in the same millisecond) is leaving', () => {
    const fresh = incident({ count: 1, firstAt: before.firstAt });
    expect(endingOf(before, fresh, failure())).toBe('left');
    expect(endingOf(before, incident({ siteId: 'claude', count: 1 }), failure('claude'))).toBe(
      'left',
    );
  });

  it('the episode going on, or none at all, ends nothing', () => {
    expect(endingOf(before, { ...before, count: 4 }, failure())).toBeNull();
    const fixed = { ...incident({ count: 1 }), retries: 1 };
    expect(
      endingOf(incident({ count: 1 }), fixed, { type: 'fix', fix: 'auto-retry', result: '502' }),
    ).toBeNull();
    expect(endingOf(before, before, healthy)).toBeNull();
    expect(endingOf(null, incident(), failure())).toBeNull();
    expect(endingOf(null, null, healthy)).toBeNull();
  });
});

describe('history bounds', () => {
  it(`keeps at most ${HISTORY_MAX} entries, the newest`, () => {
    let list: HistoryEntry[] = [];
    for (let i = 0; i < 120; i++) list = appendHistory(list, entry(NOW - 1000 + i), NOW, 30);
    expect(list).toHaveLength(HISTORY_MAX);
    expect(list[0]?.endedAt).toBe(NOW - 1000 + 119);
    expect(list.at(-1)?.endedAt).toBe(NOW - 1000 + 120 - HISTORY_MAX);
  });

  it('drops entries older than the retention', () => {
    const list = [entry(NOW - 2 * DAY), entry(NOW - 8 * DAY), entry(NOW - 6 * DAY)];
    expect(boundHistory(list, NOW, 7).map((e) => e.endedAt)).toEqual([
      NOW - 2 * DAY,
      NOW - 6 * DAY,
    ]);
    expect(boundHistory(list, NOW, 1)).toEqual([]);
  });

  it('sorts newest first and drops whatever is not an entry', () => {
    const list = [entry(NOW - 5), null, { siteId: 'x' }, 'junk', entry(NOW - 1), entry(NOW - 3)];
    expect(boundHistory(list, NOW, 30).map((e) => e.endedAt)).toEqual([NOW - 1, NOW - 3, NOW - 5]);
  });

  it('treats anything that is not a list as empty', () => {
    for (const stored of [undefined, null, 'x', { a: 1 }]) {
      expect(boundHistory(stored, NOW, 30)).toEqual([]);
      expect(appendHistory(stored, entry(NOW), NOW, 30)).toEqual([entry(NOW)]);
    }
  });
});
