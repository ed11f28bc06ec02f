/**
 * Simulated outages: how long after a site heals each way of checking notices, how many
 * requests it costs the site, and how often it gives up. Gateway Guard is simulated with
 * the very policy code the extension runs (`nextRetry`, with an injected clock and
 * randomness); the others with their published or common schedules.
 */
import {
  DEFAULT_RETRY,
  earliestCheck,
  nextRetry,
  type RetryConfig,
} from '~/shared/retry-policy.ts';

/** One outage's result for one way of checking. */
export interface Run {
  /** Seconds from healing to the first successful check (null: gave up first). */
  lag: number | null;
  /** Requests made to the site, the successful one included. */
  requests: number;
  /** Requests made after the first two minutes, and the time they span (s). */
  lateRequests: number;
  lateSeconds: number;
}

export interface Strategy {
  name: string;
  /** Checks the site until it answers (at `healAt` s), returns what it cost. */
  run(healAt: number, random: () => number): Run;
}

/** A seeded generator, so every run of the bench sees the same outages. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function finish(times: number[], healAt: number, gaveUp: boolean): Run {
  const end = times.at(-1) ?? 0;
  // The rate after two minutes is measured where there is at least a minute of it.
  const lateSeconds = end - 120 >= 60 ? end - 120 : 0;
  return {
    lag: gaveUp ? null : end - healAt,
    requests: times.length,
    lateRequests: lateSeconds > 0 ? times.filter((t) => t > 120).length : 0,
    lateSeconds,
  };
}

/** Checks at fixed offsets from the failure (s), repeating the last gap forever. */
function schedule(name: string, gaps: readonly number[], maxChecks = Infinity): Strategy {
  return {
    name,
    run(healAt, random) {
      const times: number[] = [];
      let t = 0;
      for (let i = 0; i < maxChecks; i++) {
        const gap = gaps[Math.min(i, gaps.length - 1)] as number;
        t += i === 0 && gaps.length === 1 ? random() * gap : gap;
        times.push(t);
        if (t >= healAt) return finish(times, healAt, false);
      }
      return finish(times, healAt, true);
    },
  };
}

/** Status page model: the fix is posted this long after the site heals (s). */
export interface StatusModel {
  /** When the page posts the fix, relative to healing (s); may be before healing. */
  postedAfter(random: () => number): number;
  /** How often the status page is read during an episode (s). */
  readEvery: number;
}

/** Status pages usually post the all-clear minutes after the site works (sometimes just before). */
export const TYPICAL_STATUS: StatusModel = {
  postedAfter: (random) => -60 + random() * 360,
  readEvery: 60,
};

/** Gateway Guard: the policy code itself, in seconds instead of milliseconds. */
export function gatewayGuard(
  name: string,
  config: RetryConfig = DEFAULT_RETRY,
  status: StatusModel | null = null,
): Strategy {
  return {
    name,
    run(healAt, random) {
      const times: number[] = [];
      const ms = (s: number) => s * 1000;
      let attempt = 0;
      let last = 0; // The failed page load.
      let now = 0;
      const postedAt = status ? healAt + status.postedAfter(random) : Infinity;
      // The first status read after the fix was posted (reads start with the episode).
      const noticedAt = status
        ? Math.ceil(Math.max(0, postedAt) / status.readEvery) * status.readEvery
        : Infinity;
      let noticed = false;
      for (;;) {
        const decision = nextRetry(
          {
            now: ms(now),
            startedAt: 0,
            attempt,
            lastCheckAt: ms(last),
            retryAfterUntil: null,
            online: true,
            hidden: false,
          },
          config,
          random,
        );
        if (decision.kind !== 'wait') return finish(times, healAt, true);
        let at = decision.at / 1000;
        if (!noticed && noticedAt < at) {
          noticed = true;
          const early = earliestCheck(
            { now: ms(noticedAt), lastCheckAt: ms(last), retryAfterUntil: null },
            config,
          );
          at = Math.min(at, early / 1000);
        }
        now = at;
        last = at;
        attempt += 1;
        times.push(at);
        if (at >= healAt) return finish(times, healAt, false);
      }
    },
  };
}

/** Gateway Guard before this policy: full jitter from 2 s, cap 60 s, 8 attempts, then nothing. */
export const OLD_POLICY: Strategy = {
  name: 'Gateway Guard before (8 attempts)',
  run(healAt, random) {
    const times: number[] = [];
    let t = 0;
    for (let attempt = 0; attempt < 8; attempt++) {
      t += Math.max(1, random() * Math.min(60, 2 * 2 ** attempt));
      times.push(t);
      if (t >= healAt) return finish(times, healAt, false);
    }
    return finish(times, healAt, true);
  },
};

/** Chromium's own auto-reload of network error pages. */
export const CHROMIUM = schedule('Chromium auto-reload', [1, 5, 30, 60, 300, 600, 1800]);
/** A userscript that reloads every 5 s. */
export const REFRESH_5S = schedule('auto-refresher every 5 s', [5]);
/** A person pressing reload about every 30 s (starting at a random moment). */
export const PERSON_30S: Strategy = {
  name: 'a person every 30 s',
  run(healAt, random) {
    const times: number[] = [];
    let t = random() * 30;
    for (;;) {
      times.push(t);
      if (t >= healAt) return finish(times, healAt, false);
      t += 25 + random() * 10;
    }
  },
};

export interface Summary {
  median: number | null;
  p90: number | null;
  gaveUp: number;
  requestsPerOutage: number;
  /** Requests per minute after the first two minutes, averaged over the time they span. */
  lateRate: number;
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

export function simulate(strategy: Strategy, lengths: readonly number[], seed = 1): Summary {
  const random = seeded(seed);
  const lags: number[] = [];
  let gaveUp = 0;
  let requests = 0;
  let late = 0;
  let lateSeconds = 0;
  for (const healAt of lengths) {
    const run = strategy.run(healAt, random);
    if (run.lag === null) gaveUp += 1;
    else lags.push(run.lag);
    requests += run.requests;
    late += run.lateRequests;
    lateSeconds += run.lateSeconds;
  }
  lags.sort((a, b) => a - b);
  return {
    median: quantile(lags, 0.5),
    p90: quantile(lags, 0.9),
    gaveUp: gaveUp / lengths.length,
    requestsPerOutage: requests / lengths.length,
    lateRate: lateSeconds > 0 ? (late / lateSeconds) * 60 : 0,
  };
}

/** `count` outages of exactly `seconds` each. */
export function fixed(seconds: number, count = 1000): number[] {
  return Array.from({ length: count }, () => seconds);
}

/** `count` outage lengths spread evenly on a log scale from `min` to `max` seconds. */
export function logScale(min = 10, max = 7200, count = 1000): number[] {
  return Array.from({ length: count }, (_, i) => min * (max / min) ** (i / (count - 1)));
}
