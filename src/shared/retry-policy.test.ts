import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY,
  MAX_RETRY_AFTER_MS,
  nextRetry,
  parseRetryAfter,
  type RetryContext,
} from './retry-policy.ts';

const base: RetryContext = { attempt: 0, retryAfterMs: null, online: true, hidden: false };

/** A seeded generator, so "many draws" is many and repeatable. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
}

function delay(context: Partial<RetryContext>, random: () => number = Math.random) {
  const decision = nextRetry({ ...base, ...context }, DEFAULT_RETRY, random);
  if (decision.kind !== 'wait') throw new Error(`expected a wait, got ${decision.kind}`);
  return decision.delayMs;
}

describe('nextRetry', () => {
  it('keeps every jittered delay within [floor, min(cap, base * 2^n)] over many draws', () => {
    const random = seeded(42);
    for (let attempt = 0; attempt < DEFAULT_RETRY.maxAttempts; attempt++) {
      const ceiling = Math.min(DEFAULT_RETRY.capMs, DEFAULT_RETRY.baseMs * 2 ** attempt);
      const draws = Array.from({ length: 5000 }, () => delay({ attempt }, random));
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(DEFAULT_RETRY.minMs);
      expect(Math.max(...draws)).toBeLessThanOrEqual(Math.max(ceiling, DEFAULT_RETRY.minMs));
      // Full jitter spreads clients out: the draws really use the whole range.
      if (ceiling >= 8000) {
        expect(Math.max(...draws)).toBeGreaterThan(ceiling * 0.95);
        expect(Math.min(...draws)).toBeLessThan(Math.max(DEFAULT_RETRY.minMs + 1, ceiling * 0.1));
      }
    }
  });

  it('never exceeds the cap, however many attempts', () => {
    const config = { ...DEFAULT_RETRY, maxAttempts: 100 };
    for (const attempt of [6, 10, 30, 99]) {
      const decision = nextRetry({ ...base, attempt }, config, () => 0.999999);
      expect(decision).toEqual({ kind: 'wait', delayMs: DEFAULT_RETRY.capMs });
    }
  });

  it('uses the configured base and cap', () => {
    const config = { ...DEFAULT_RETRY, baseMs: 500, capMs: 4000, minMs: 0 };
    expect(nextRetry({ ...base, attempt: 0 }, config, () => 1)).toEqual({
      kind: 'wait',
      delayMs: 500,
    });
    expect(nextRetry({ ...base, attempt: 5 }, config, () => 1)).toEqual({
      kind: 'wait',
      delayMs: 4000,
    });
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(delay({ retryAfterMs: 6000 }, () => 0)).toBe(6000);
    expect(delay({ attempt: 5, retryAfterMs: 6000 }, () => 0.99)).toBeGreaterThan(6000);
    expect(delay({ retryAfterMs: 0 }, () => 0)).toBe(DEFAULT_RETRY.minMs);
  });

  it('gives up after the maximum number of attempts', () => {
    expect(nextRetry({ ...base, attempt: DEFAULT_RETRY.maxAttempts - 1 }).kind).toBe('wait');
    expect(nextRetry({ ...base, attempt: DEFAULT_RETRY.maxAttempts })).toEqual({ kind: 'give-up' });
    expect(nextRetry({ ...base, attempt: 50, online: false })).toEqual({ kind: 'give-up' });
  });

  it('pauses while offline', () => {
    expect(nextRetry({ ...base, online: false })).toEqual({ kind: 'paused-offline' });
    expect(nextRetry({ ...base, online: false, retryAfterMs: 5000 })).toEqual({
      kind: 'paused-offline',
    });
  });

  it('is slower in a hidden tab', () => {
    expect(delay({ attempt: 2, hidden: true }, () => 0.5)).toBe(
      3 * delay({ attempt: 2 }, () => 0.5),
    );
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
