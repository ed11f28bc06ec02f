import { describe, expect, it } from 'vitest';
import {
  fixed,
  gatewayGuard,
  logScale,
  seeded,
  simulate,
  TYPICAL_STATUS,
} from '../../bench/recovery-sim.ts';
import {
  DEFAULT_RETRY,
  earliestCheck,
  HOUR_MS,
  MAX_RETRY_AFTER_MS,
  nextRetry,
  parseRetryAfter,
  phaseOf,
  type RetryContext,
  reportsMajorOutage,
  reportsTrouble,
  type StatusSignal,
  statusPostedFix,
} from './retry-policy.ts';

const T0 = Date.parse('2026-11-27T14:02:00Z');
const base: RetryContext = {
  now: T0,
  startedAt: T0,
  attempt: 0,
  lastCheckAt: T0,
  retryAfterUntil: null,
  online: true,
  hidden: false,
};

/** The wait from now to the next check. */
function delay(context: Partial<RetryContext>, random: () => number = Math.random) {
  const full = { ...base, ...context };
  const decision = nextRetry(full, DEFAULT_RETRY, random);
  if (decision.kind !== 'wait') throw new Error(`expected a wait, got ${decision.kind}`);
  return decision.at - full.now;
}

/** A fake clock walking through an episode: every check fails until `healAt`. */
function walk(options: { healAt?: number; hidden?: boolean; random?: () => number } = {}) {
  const random = options.random ?? seeded(7);
  const checks: number[] = [];
  let now = T0;
  let attempt = 0;
  for (;;) {
    const decision = nextRetry(
      { ...base, now, attempt, lastCheckAt: now, hidden: options.hidden ?? false },
      DEFAULT_RETRY,
      random,
    );
    if (decision.kind !== 'wait') return { checks, end: decision.kind };
    now = decision.at;
    attempt += 1;
    checks.push(now);
    if (options.healAt !== undefined && now >= options.healAt) return { checks, end: 'healed' };
  }
}

describe('the fast phase', () => {
  it('keeps every jittered wait within [2 s, min(cap, base * 2^n)] over many draws', () => {
    const random = seeded(42);
    for (let attempt = 0; attempt < DEFAULT_RETRY.fastAttempts; attempt++) {
      const ceiling = Math.min(DEFAULT_RETRY.capMs, DEFAULT_RETRY.baseMs * 2 ** attempt);
      const draws = Array.from({ length: 3000 }, () => delay({ attempt }, random));
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(DEFAULT_RETRY.minMs);
      expect(Math.max(...draws)).toBeLessThanOrEqual(Math.max(ceiling, DEFAULT_RETRY.minMs));
      // Full jitter spreads clients out: the draws really use the whole range.
      if (ceiling >= 8000) {
        expect(Math.max(...draws)).toBeGreaterThan(ceiling * 0.95);
        expect(Math.min(...draws)).toBeLessThan(ceiling * 0.3);
      }
    }
  });

  it('starts from 2 s: the first check comes within 2 s of the failure', () => {
    expect(delay({ attempt: 0 }, () => 0.999)).toBe(2000);
    expect(delay({ attempt: 0 }, () => 0)).toBe(2000);
    expect(phaseOf(0)).toBe('fast');
    expect(phaseOf(DEFAULT_RETRY.fastAttempts - 1)).toBe('fast');
  });
});

describe('the steady phase', () => {
  const steady = DEFAULT_RETRY.fastAttempts;

  it('checks about once a minute, jittered, never two within 30 s', () => {
    const random = seeded(3);
    const draws = Array.from({ length: 3000 }, () => delay({ attempt: steady + 5 }, random));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(30_000);
    expect(Math.max(...draws)).toBeLessThanOrEqual(70_000);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(45_000);
    expect(mean).toBeLessThan(55_000);
    expect(new Set(draws.map((d) => Math.round(d / 5000))).size).toBeGreaterThan(4);
    expect(phaseOf(steady)).toBe('steady');
  });

  it('goes on for the whole limit without giving up, then stops at the limit', () => {
    const { checks, end } = walk();
    expect(end).toBe('limit-reached');
    const last = checks.at(-1) ?? 0;
    // The last check falls on the limit itself: an outage shorter than it is always caught.
    expect(last).toBe(T0 + DEFAULT_RETRY.limitMs);
    // Light on the site: never two within 2 s; one per 30 s at most on average after 2 min.
    const gaps = checks.slice(1).map((t, i) => t - (checks[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DEFAULT_RETRY.minMs);
    const late = checks.filter((t) => t > T0 + 120_000);
    expect(late.length).toBeLessThanOrEqual((DEFAULT_RETRY.limitMs - 120_000) / 30_000);
    expect(late.length).toBeGreaterThan((DEFAULT_RETRY.limitMs - 120_000) / 70_000);
  });

  it('counts the limit from a resume', () => {
    const resumedAt = T0 + 3 * HOUR_MS;
    const decision = nextRetry(
      { ...base, now: resumedAt, startedAt: resumedAt, attempt: 200, lastCheckAt: resumedAt - 1 },
      DEFAULT_RETRY,
      () => 0.5,
    );
    expect(decision).toEqual({ kind: 'wait', at: resumedAt - 1 + 50_000, phase: 'steady' });
    expect(nextRetry({ ...base, now: T0 + 2 * HOUR_MS })).toEqual({ kind: 'limit-reached' });
  });

  it('honours a custom limit', () => {
    const config = { ...DEFAULT_RETRY, limitMs: 30 * 60_000 };
    expect(nextRetry({ ...base, now: T0 + 30 * 60_000 }, config)).toEqual({
      kind: 'limit-reached',
    });
    expect(nextRetry({ ...base, now: T0 + 29 * 60_000 }, config).kind).toBe('wait');
  });
});

describe('Retry-After, hidden tabs, offline', () => {
  it('never checks before Retry-After, in both phases', () => {
    expect(delay({ retryAfterUntil: T0 + 6000 }, () => 0)).toBe(6000);
    expect(delay({ attempt: 20, retryAfterUntil: T0 + 10 * 60_000 }, () => 0.5)).toBe(600_000);
  });

  it('caps Retry-After at an hour', () => {
    expect(delay({ attempt: 20, retryAfterUntil: T0 + 5 * HOUR_MS }, () => 0.5)).toBe(
      MAX_RETRY_AFTER_MS,
    );
  });

  it('is slower when no tab of the site is visible', () => {
    expect(delay({ attempt: 3, hidden: true }, () => 0.5)).toBe(
      DEFAULT_RETRY.hiddenFactor * delay({ attempt: 3 }, () => 0.5),
    );
    expect(delay({ attempt: 30, hidden: true }, () => 0.5)).toBe(
      DEFAULT_RETRY.hiddenFactor * delay({ attempt: 30 }, () => 0.5),
    );
    const hidden = walk({ hidden: true, random: seeded(1) }).checks.length;
    expect(hidden).toBeLessThan(walk({ random: seeded(1) }).checks.length);
  });

  it('pauses offline, and a check asked for on coming back runs at once', () => {
    expect(nextRetry({ ...base, online: false })).toEqual({ kind: 'paused-offline' });
    const back = T0 + 5 * 60_000;
    expect(earliestCheck({ now: back, lastCheckAt: T0, retryAfterUntil: null })).toBe(back);
  });

  it('keeps 2 s between checks of a site and respects Retry-After when asked early', () => {
    expect(earliestCheck({ now: T0 + 500, lastCheckAt: T0, retryAfterUntil: null })).toBe(
      T0 + 2000,
    );
    expect(earliestCheck({ now: T0, lastCheckAt: null, retryAfterUntil: T0 + 9000 })).toBe(
      T0 + 9000,
    );
    expect(earliestCheck({ now: T0, lastCheckAt: null, retryAfterUntil: null })).toBe(T0);
  });
});

describe('the status page signal', () => {
  const incident = (status: string) => ({ status, updatedAt: T0 });
  const major: StatusSignal = { level: 'major-outage', incidents: [incident('investigating')] };
  const ok: StatusSignal = { level: 'operational', incidents: [] };
  const resolved: StatusSignal = { level: 'operational', incidents: [incident('Resolved')] };
  const unknown: StatusSignal = { level: 'unknown', incidents: [] };

  it('checks at once when the page turns from an incident to resolved or operational', () => {
    expect(statusPostedFix(major, ok)).toBe(true);
    expect(statusPostedFix(major, resolved)).toBe(true);
    expect(statusPostedFix({ level: 'degraded', incidents: [] }, ok)).toBe(true);
    expect(statusPostedFix({ level: 'operational', incidents: [incident('monitoring')] }, ok)).toBe(
      true,
    );
  });

  it('is not fooled: no fix without a change, nor from an unreadable page', () => {
    expect(statusPostedFix(ok, ok)).toBe(false);
    expect(statusPostedFix(null, ok)).toBe(false);
    expect(statusPostedFix(major, major)).toBe(false);
    expect(statusPostedFix(major, unknown)).toBe(false);
    expect(statusPostedFix(major, null)).toBe(false);
    expect(statusPostedFix(unknown, ok)).toBe(false);
  });

  it('reads trouble and major outages', () => {
    expect(reportsTrouble(major)).toBe(true);
    expect(reportsTrouble(ok)).toBe(false);
    expect(reportsTrouble(resolved)).toBe(false);
    expect(reportsTrouble(unknown)).toBe(false);
    expect(reportsMajorOutage(major)).toBe(true);
    expect(reportsMajorOutage({ level: 'partial-outage', incidents: [] })).toBe(false);
  });
});

describe('the goals, over simulated outages', () => {
  it('on outages from 10 s to 2 h (log scale): median lag ≤ 20 s, p90 ≤ 60 s, none given up', () => {
    for (const summary of [
      simulate(gatewayGuard('plain'), logScale()),
      simulate(gatewayGuard('status', undefined, TYPICAL_STATUS), logScale()),
    ]) {
      expect(summary.median).toBeLessThanOrEqual(20);
      expect(summary.p90).toBeLessThanOrEqual(60);
      expect(summary.gaveUp).toBe(0);
      // At most one request per 30 s on average after the first two minutes.
      expect(summary.lateRate).toBeLessThanOrEqual(2);
    }
  });

  it('gives up on no 5-minute or 60-minute outage', () => {
    expect(simulate(gatewayGuard('plain'), fixed(300)).gaveUp).toBe(0);
    expect(simulate(gatewayGuard('plain'), fixed(3600)).gaveUp).toBe(0);
  });

  it('catches an outage that heals within a few seconds quickly', () => {
    const { checks, end } = walk({ healAt: T0 + 10_000 });
    expect(end).toBe('healed');
    expect((checks.at(-1) ?? 0) - (T0 + 10_000)).toBeLessThan(30_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-27T06:00:00Z');

  it.each([
    ['6', 6000],
    [' 120 ', 120_000],
    ['0', 0],
    ['Fri, 27 Nov 2026 06:00:30 GMT', 30_000],
    ['Friday, 27-Nov-26 06:01:00 GMT', 60_000],
    ['Fri, 27 Nov 2026 05:00:00 GMT', 0],
    ['999999', MAX_RETRY_AFTER_MS],
  ])('%j → %i ms', (value, ms) => expect(parseRetryAfter(value, now)).toBe(ms));

  it.each([
    null,
    undefined,
    '',
    '-5',
    '1.5',
    'soon',
    '2026-11-27',
    'Fri, 99 Nov 2026 06:00:30 GMT',
    '6 s',
  ])('ignores %j', (value) => expect(parseRetryAfter(value, now)).toBeNull());
});
