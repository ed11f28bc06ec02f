/**
 * When to try again, as a pure function. Full-jitter exponential backoff (AWS's "full
 * jitter": random(0, min(cap, base * 2^n))), with a floor so no attempt fires instantly,
 * never earlier than the server's Retry-After, slower in a hidden tab, paused offline, and
 * a hard limit so it can never run away.
 */
export interface RetryConfig {
  /** The first ceiling; doubles each attempt. */
  baseMs: number;
  /** The largest ceiling. */
  capMs: number;
  /** Attempts before giving up (and saying so). */
  maxAttempts: number;
  /** No wait is shorter than this. */
  minMs: number;
  /** A hidden tab waits this many times longer: nobody is looking at it. */
  hiddenFactor: number;
}

export const DEFAULT_RETRY: RetryConfig = {
  baseMs: 2_000,
  capMs: 60_000,
  maxAttempts: 8,
  minMs: 1_000,
  hiddenFactor: 3,
};

export interface RetryContext {
  /** Attempts already made in this episode. */
  attempt: number;
  /** What the last answer's Retry-After asked for, in ms from now (null: none). */
  retryAfterMs: number | null;
  online: boolean;
  hidden: boolean;
}

export type RetryDecision =
  | { kind: 'wait'; delayMs: number }
  | { kind: 'paused-offline' }
  | { kind: 'give-up' };

export function nextRetry(
  context: RetryContext,
  config: RetryConfig = DEFAULT_RETRY,
  random: () => number = Math.random,
): RetryDecision {
  if (context.attempt >= config.maxAttempts) return { kind: 'give-up' };
  if (!context.online) return { kind: 'paused-offline' };
  const ceiling = Math.min(config.capMs, config.baseMs * 2 ** context.attempt);
  let delay = Math.max(config.minMs, random() * ceiling);
  if (context.hidden) delay *= config.hiddenFactor;
  if (context.retryAfterMs !== null) delay = Math.max(delay, context.retryAfterMs);
  return { kind: 'wait', delayMs: Math.ceil(delay) };
}

/** The longest Retry-After honoured; beyond it the service is effectively down for now. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * RFC 9110 Retry-After: a whole number of seconds, or an HTTP-date. A date in the past means
 * "now" (0). Anything else is ignored (null).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  // HTTP-dates always name a weekday and "GMT"; Date.parse accepts far looser input.
  if (!/^[A-Za-z]{3}.* GMT$/.test(trimmed)) return null;
  // The obsolete RFC 850 form ("Friday, 27-Nov-26 06:01:00 GMT") has a two-digit year.
  const rfc850 = /^[A-Za-z]+, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}:\d{2}:\d{2}) GMT$/.exec(trimmed);
  const at = Date.parse(
    rfc850 ? `${rfc850[1]} ${rfc850[2]} 20${rfc850[3]} ${rfc850[4]} GMT` : trimmed,
  );
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}
