/**
 * When to check a failing site again, as pure functions (the clock and the randomness are
 * passed in, so the bench simulates outages with this very code).
 *
 * Two phases, and no silent giving up:
 * - **fast**, for blips: AWS's "full jitter" backoff, random(0, min(cap, base * 2^n)) from
 *   2 s, for the first attempts;
 * - **steady**, for real outages: about one check a minute (jittered, never two within
 *   30 s), for as long as a tab of the site is open, up to a limit (2 hours by default).
 *   At the limit the caller says so and offers to resume.
 * Never two checks of one site within 2 s; never earlier than the server's Retry-After (up
 * to an hour); slower when nobody is looking; paused offline.
 */
export interface RetryConfig {
  /** Fast phase: the first ceiling; doubles each attempt. */
  baseMs: number;
  /** Fast phase: the largest ceiling. */
  capMs: number;
  /** Attempts made in the fast phase; the steady phase follows. */
  fastAttempts: number;
  /** Steady phase: the mean wait between checks. */
  steadyMs: number;
  /** Steady phase: each wait is steadyMs times a random factor in [1 - jitter, 1 + jitter]. */
  steadyJitter: number;
  /** Steady phase: never two checks closer than this. */
  steadyMinMs: number;
  /** Never two checks of a site closer than this, whatever asks for them. */
  minMs: number;
  /** A hidden tab waits this many times longer: nobody is looking at it. */
  hiddenFactor: number;
  /** How long after the episode began (or was resumed) checking stops until the user resumes. */
  limitMs: number;
}

export const HOUR_MS = 60 * 60_000;

export const DEFAULT_RETRY: RetryConfig = {
  baseMs: 2_000,
  capMs: 30_000,
  fastAttempts: 8,
  // 35 to 65 s: about a minute, never two within 30 s.
  steadyMs: 50_000,
  steadyJitter: 0.3,
  steadyMinMs: 30_000,
  minMs: 2_000,
  hiddenFactor: 2,
  limitMs: 2 * HOUR_MS,
};

export type RetryPhase = 'fast' | 'steady';

export interface RetryContext {
  /** Now (epoch ms). */
  now: number;
  /** When the episode began, or was last resumed: the limit counts from here. */
  startedAt: number;
  /** Checks already made in this episode. */
  attempt: number;
  /** When the last check was made (null: none yet; the failed load itself counts as one). */
  lastCheckAt: number | null;
  /** Until when the server asked us to wait (Retry-After), epoch ms; null: no ask. */
  retryAfterUntil: number | null;
  online: boolean;
  /** No tab of the site is visible. */
  hidden: boolean;
}

export type RetryDecision =
  | { kind: 'wait'; at: number; phase: RetryPhase }
  | { kind: 'paused-offline' }
  | { kind: 'limit-reached' };

export function phaseOf(attempt: number, config: RetryConfig = DEFAULT_RETRY): RetryPhase {
  return attempt < config.fastAttempts ? 'fast' : 'steady';
}

/** When the next check is due, or why there is none. */
export function nextRetry(
  context: RetryContext,
  config: RetryConfig = DEFAULT_RETRY,
  random: () => number = Math.random,
): RetryDecision {
  const limitAt = context.startedAt + config.limitMs;
  if (context.now >= limitAt) return { kind: 'limit-reached' };
  if (!context.online) return { kind: 'paused-offline' };
  const phase = phaseOf(context.attempt, config);
  let delay: number;
  if (phase === 'fast') {
    const ceiling = Math.min(config.capMs, config.baseMs * 2 ** context.attempt);
    delay = Math.max(config.minMs, random() * ceiling);
  } else {
    const factor = 1 - config.steadyJitter + 2 * config.steadyJitter * random();
    delay = Math.max(config.steadyMinMs, config.steadyMs * factor);
  }
  if (context.hidden) delay *= config.hiddenFactor;
  const since = context.lastCheckAt ?? context.now;
  let at = Math.max(since + delay, context.now);
  if (context.retryAfterUntil !== null) {
    at = Math.max(at, Math.min(context.retryAfterUntil, context.now + MAX_RETRY_AFTER_MS));
  }
  at = Math.max(at, since + config.minMs);
  // The last check falls on the limit itself, so an outage shorter than the limit is caught.
  if (at > limitAt) at = Math.max(limitAt, since + config.minMs);
  return { kind: 'wait', at: Math.ceil(at), phase };
}

/**
 * A check asked for now (the browser came back online, the status page posted a fix, a
 * tab woke up): when it may run without breaking the per-site spacing or a Retry-After.
 */
export function earliestCheck(
  context: Pick<RetryContext, 'now' | 'lastCheckAt' | 'retryAfterUntil'>,
  config: RetryConfig = DEFAULT_RETRY,
): number {
  let at = context.now;
  if (context.lastCheckAt !== null) at = Math.max(at, context.lastCheckAt + config.minMs);
  if (context.retryAfterUntil !== null) at = Math.max(at, context.retryAfterUntil);
  return at;
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

/** What a status page says, as far as recovery cares. */
export interface StatusSignal {
  level: 'operational' | 'degraded' | 'partial-outage' | 'major-outage' | 'maintenance' | 'unknown';
  /** Open incidents' own words for where they stand ("investigating", "resolved"...). */
  incidents: readonly { status: string; updatedAt: number | null }[];
}

const CLOSED = /resolved|completed|postmortem|fixed/i;

/** The status page reports trouble: a level other than operational, or an open incident. */
export function reportsTrouble(signal: StatusSignal | null): boolean {
  if (!signal || signal.level === 'unknown') return false;
  return signal.level !== 'operational' || signal.incidents.some((i) => !CLOSED.test(i.status));
}

/**
 * The status page turned from an incident to resolved or operational: check at once. A
 * page that still reports trouble (or cannot be read) changes nothing: status pages lag
 * reality by minutes, so they never delay a check and never stop one.
 */
export function statusPostedFix(before: StatusSignal | null, after: StatusSignal | null): boolean {
  if (!after || after.level === 'unknown') return false;
  return reportsTrouble(before) && !reportsTrouble(after);
}

/** The page reports a major outage (the panel says so in one line). */
export function reportsMajorOutage(signal: StatusSignal | null): boolean {
  return signal?.level === 'major-outage';
}
