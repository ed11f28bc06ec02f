import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '~/shared/history.ts';
import type { StatusIncident, StatusReading } from '~/shared/status/types.ts';
import { weekDays, weekTimeline } from './week-timeline.ts';

const HOUR = 3_600_000;

/** Days are the user's local days: each test picks the zone it speaks of. */
let savedZone: string | undefined;
beforeEach(() => {
  savedZone = process.env.TZ;
  process.env.TZ = 'Europe/Berlin';
});
afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

/** Local wall-clock time in the current zone (month 1-based). */
function local(month: number, day: number, hour = 12, minute = 0): number {
  return new Date(2025, month - 1, day, hour, minute).getTime();
}

function entry(over: Partial<HistoryEntry> = {}): HistoryEntry {
  const startedAt = over.startedAt ?? local(6, 10, 12);
  return {
    siteId: 'chatgpt',
    kind: 'http',
    code: 502,
    startedAt,
    endedAt: startedAt + 5 * 60_000,
    count: 2,
    ended: 'recovered',
    ...over,
  };
}

function reading(incidents: Array<Partial<StatusIncident>>, readAt: number): StatusReading {
  return {
    level: 'partial-outage',
    component: null,
    incidents: incidents.map((over) => ({
      title: 'Elevated errors',
      status: 'investigating',
      updatedAt: null,
      url: null,
      ...over,
    })),
    readAt,
    source: 'https://status.example/api/v2/summary.json',
    unknownReason: null,
    inferred: false,
  };
}

/** Per day, oldest first: [met, worst, status]. */
function picture(timeline: ReturnType<typeof weekTimeline>) {
  return timeline.days.map((day) => [day.met, day.worst, day.status]);
}

const EMPTY = [0, null, 0];

describe('weekDays', () => {
  it('gives seven local days, oldest first, the last one today', () => {
    const days = weekDays(local(6, 10, 15, 30));
    expect(days).toHaveLength(7);
    expect(days[0]?.start).toBe(local(6, 4, 0));
    expect(days[6]?.start).toBe(local(6, 10, 0));
    expect(days[6]?.end).toBe(local(6, 11, 0));
    for (let i = 1; i < days.length; i++) expect(days[i]?.start).toBe(days[i - 1]?.end);
  });

  it('starts each day at its own midnight across a daylight-saving change', () => {
    // Berlin moves its clocks forward on 30 March 2025: that day has 23 hours.
    const days = weekDays(local(4, 2, 9));
    const short = days.find((day) => day.start === local(3, 30, 0));
    expect(short && short.end - short.start).toBe(23 * HOUR);
    for (const day of days) expect(new Date(day.start).getHours()).toBe(0);
  });

  it('follows the time zone of the user, not UTC', () => {
    const now = Date.UTC(2025, 5, 10, 23, 30); // 10 June 23:30 UTC
    process.env.TZ = 'Asia/Tokyo'; // already 11 June, 08:30
    expect(new Date(weekDays(now)[6]?.start ?? 0).getDate()).toBe(11);
    process.env.TZ = 'America/Los_Angeles'; // still 10 June, 16:30
    expect(new Date(weekDays(now)[6]?.start ?? 0).getDate()).toBe(10);
  });
});

describe('weekTimeline: the user’s own incidents', () => {
  const now = local(6, 10, 18);

  it('is seven empty days when nothing happened', () => {
    const week = weekTimeline('chatgpt', [], null, now);
    expect(picture(week)).toEqual(Array(7).fill(EMPTY));
    expect(week.met).toBe(0);
    expect(week.status).toBe(0);
  });

  it('counts each episode on its local day, today last', () => {
    const week = weekTimeline(
      'chatgpt',
      [
        entry({ startedAt: local(6, 10, 9) }),
        entry({ startedAt: local(6, 10, 11) }),
        entry({ startedAt: local(6, 4, 8) }),
      ],
      null,
      now,
    );
    expect(picture(week)).toEqual([
      [1, 'http', 0],
      EMPTY,
      EMPTY,
      EMPTY,
      EMPTY,
      EMPTY,
      [2, 'http', 0],
    ]);
    expect(week.met).toBe(3);
  });

  it('keeps the worst kind of the day: network over HTTP over a notice', () => {
    const day = (kinds: HistoryEntry['kind'][]) =>
      weekTimeline(
        'chatgpt',
        kinds.map((kind, i) =>
          entry({ kind, code: kind === 'http' ? 503 : null, startedAt: local(6, 9, 8 + i) }),
        ),
        null,
        now,
      ).days[5]?.worst;
    expect(day(['page'])).toBe('page');
    expect(day(['page', 'http'])).toBe('http');
    expect(day(['http', 'page'])).toBe('http');
    expect(day(['http', 'network', 'page'])).toBe('network');
    expect(day(['network', 'http'])).toBe('network');
  });

  it('splits days at local midnight', () => {
    const week = weekTimeline(
      'chatgpt',
      [
        entry({ startedAt: local(6, 8, 23, 50), endedAt: local(6, 8, 23, 59) }),
        entry({ startedAt: local(6, 9, 0, 0), endedAt: local(6, 9, 0, 5) }),
      ],
      null,
      now,
    );
    expect(picture(week).slice(4, 6)).toEqual([
      [1, 'http', 0],
      [1, 'http', 0],
    ]);
  });

  it('shows an episode over midnight on both days, but counts it once in the week', () => {
    const week = weekTimeline(
      'chatgpt',
      [entry({ kind: 'network', code: null, startedAt: local(6, 8, 23), endedAt: local(6, 9, 1) })],
      null,
      now,
    );
    expect(picture(week).slice(3, 7)).toEqual([EMPTY, [1, 'network', 0], [1, 'network', 0], EMPTY]);
    expect(week.met).toBe(1);
  });

  it('counts an episode that ends exactly at midnight on the day that midnight starts', () => {
    const week = weekTimeline(
      'chatgpt',
      [entry({ startedAt: local(6, 8, 22), endedAt: local(6, 9, 0) })],
      null,
      now,
    );
    expect(picture(week).slice(4, 6)).toEqual([
      [1, 'http', 0],
      [1, 'http', 0],
    ]);
  });

  it('leaves out what ended before the oldest day, and keeps what ran into it', () => {
    const oldest = local(6, 4, 0);
    const week = weekTimeline(
      'chatgpt',
      [
        entry({ startedAt: oldest - 2 * HOUR, endedAt: oldest - 1 }),
        entry({ startedAt: local(5, 20, 12) }),
        entry({ startedAt: oldest - HOUR, endedAt: oldest + HOUR }),
      ],
      null,
      now,
    );
    expect(picture(week)[0]).toEqual([1, 'http', 0]);
    expect(week.met).toBe(1);
  });

  it('leaves out what lies after today (a clock set back)', () => {
    const week = weekTimeline('chatgpt', [entry({ startedAt: local(6, 11, 0, 1) })], null, now);
    expect(week.met).toBe(0);
    expect(picture(week)).toEqual(Array(7).fill(EMPTY));
  });

  it('keeps to the one site asked for', () => {
    const week = weekTimeline(
      'claude',
      [entry({ siteId: 'chatgpt' }), entry({ siteId: 'claude', startedAt: local(6, 10, 8) })],
      null,
      now,
    );
    expect(week.met).toBe(1);
    expect(picture(week)[6]).toEqual([1, 'http', 0]);
  });

  it('ignores bad data: not entries, unknown kinds, missing or reversed times', () => {
    const good = entry({ startedAt: local(6, 10, 8) });
    const week = weekTimeline(
      'chatgpt',
      [
        null,
        'chatgpt',
        42,
        {},
        { ...good, kind: 'timeout' },
        { ...good, startedAt: Number.NaN },
        { ...good, endedAt: undefined },
        { ...good, startedAt: good.endedAt + 1 },
        { ...good, siteId: 7 },
        good,
      ],
      null,
      now,
    );
    expect(week.met).toBe(1);
    expect(picture(week)[6]).toEqual([1, 'http', 0]);
  });

  it('takes no history (not read yet, or not a list) as an empty week', () => {
    expect(weekTimeline('chatgpt', null, null, now).met).toBe(0);
    expect(weekTimeline('chatgpt', undefined, undefined, now).met).toBe(0);
    expect(weekTimeline('chatgpt', { length: 1 } as never, null, now).met).toBe(0);
  });

  it('lays the same instant on different days in different time zones', () => {
    process.env.TZ = 'UTC';
    const at = Date.UTC(2025, 5, 9, 23, 30);
    const nowUtc = Date.UTC(2025, 5, 10, 12);
    const history = [entry({ startedAt: at, endedAt: at + 60_000 })];
    // 9 June 23:30 in UTC: yesterday.
    expect(picture(weekTimeline('chatgpt', history, null, nowUtc))[5]).toEqual([1, 'http', 0]);
    // 10 June 08:30 in Tokyo: today.
    process.env.TZ = 'Asia/Tokyo';
    expect(picture(weekTimeline('chatgpt', history, null, nowUtc))[6]).toEqual([1, 'http', 0]);
  });

  it('keeps seven whole days across a daylight-saving change', () => {
    // The week of 30 March 2025 in Berlin (a 23-hour day): an episode at 23:30 on the 24th,
    // the oldest day, still counts; one at 23:30 on the 23rd does not.
    const nowDst = local(3, 30, 12);
    const week = weekTimeline(
      'chatgpt',
      [entry({ startedAt: local(3, 24, 23, 30) }), entry({ startedAt: local(3, 23, 23, 30) })],
      null,
      nowDst,
    );
    expect(week.met).toBe(1);
    expect(picture(week)[0]).toEqual([1, 'http', 0]);
    // The day after the change (31 March): the day before it is still whole, 23 h long.
    const after = weekTimeline(
      'chatgpt',
      [entry({ startedAt: local(3, 30, 23, 30) })],
      null,
      local(3, 31, 12),
    );
    expect(picture(after)[5]).toEqual([1, 'http', 0]);
  });
});

describe('weekTimeline: the status page’s incidents', () => {
  const now = local(6, 10, 18);

  it('marks an incident with no readable update on the day of the reading', () => {
    const week = weekTimeline('chatgpt', [], reading([{}], local(6, 10, 17)), now);
    expect(picture(week)[6]).toEqual([0, null, 1]);
    expect(picture(week).slice(0, 6)).toEqual(Array(6).fill(EMPTY));
    expect(week.status).toBe(1);
  });

  it('marks an incident on every day from its latest update to the reading', () => {
    const week = weekTimeline(
      'chatgpt',
      [],
      reading([{ updatedAt: local(6, 8, 10) }, { updatedAt: local(6, 10, 9) }], local(6, 10, 17)),
      now,
    );
    expect(picture(week).map((day) => day[2])).toEqual([0, 0, 0, 0, 1, 1, 2]);
    expect(week.status).toBe(2);
  });

  it('keeps only the days inside the week for a long incident', () => {
    const week = weekTimeline(
      'chatgpt',
      [],
      reading([{ updatedAt: local(5, 1, 10) }], local(6, 10, 17)),
      now,
    );
    expect(picture(week).map((day) => day[2])).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(week.status).toBe(1);
  });

  it('leaves out a reading older than the week, and incidents on other components', () => {
    expect(weekTimeline('chatgpt', [], reading([{}], local(6, 1, 12)), now).status).toBe(0);
    const week = weekTimeline(
      'chatgpt',
      [],
      reading([{ elsewhere: true }, { elsewhere: false }], local(6, 10, 17)),
      now,
    );
    expect(week.status).toBe(1);
  });

  it('takes an update after the reading (a clock that disagrees) as the reading’s day', () => {
    const week = weekTimeline(
      'chatgpt',
      [],
      reading([{ updatedAt: local(6, 12, 9) }], local(6, 10, 17)),
      now,
    );
    expect(picture(week).map((day) => day[2])).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('ignores bad data: an unreadable reading time, odd updates, odd incidents', () => {
    expect(weekTimeline('chatgpt', [], reading([{}], Number.NaN), now).status).toBe(0);
    const broken = reading([{ updatedAt: Number.NaN }, { updatedAt: 'yesterday' as never }], now);
    broken.incidents.push(null as never, 'incident' as never);
    const week = weekTimeline('chatgpt', [], broken, now);
    expect(week.status).toBe(2);
    expect(picture(week)[6]).toEqual([0, null, 2]);
    const noList = { ...reading([], now), incidents: undefined as never };
    expect(weekTimeline('chatgpt', [], noList, now).status).toBe(0);
  });

  it('shows both sources on the same day side by side', () => {
    const week = weekTimeline(
      'chatgpt',
      [entry({ kind: 'page', code: null, startedAt: local(6, 10, 9) })],
      reading([{ updatedAt: local(6, 10, 8) }], local(6, 10, 17)),
      now,
    );
    expect(picture(week)[6]).toEqual([1, 'page', 1]);
    expect(week).toMatchObject({ met: 1, status: 1 });
  });
});
