import { DEFAULT_RETRY, nextRetry, type RetryConfig } from '~/shared/retry-policy.ts';

/** What one light probe of the failing address found. */
export interface ProbeResult {
  healthy: boolean;
  status: number | null;
  retryAfterMs: number | null;
}

export type AutoRetryState =
  | { phase: 'waiting'; attempt: number; dueAt: number }
  | { phase: 'probing'; attempt: number }
  | { phase: 'paused-offline'; attempt: number }
  | { phase: 'healthy' }
  | { phase: 'stopped' }
  | { phase: 'gave-up'; attempts: number };

export interface AutoRetryDeps {
  /** Attempts already made in this episode (they survive reloads, via the background). */
  attemptsSoFar: number;
  /** The failed answer's Retry-After, in ms (null: none). */
  retryAfterMs: number | null;
  probe(): Promise<ProbeResult>;
  /** The probe was healthy: reload (or go back to) the page. */
  onHealthy(): void;
  /** Each attempt, for the incident's log and the count that survives reloads. */
  onAttempt(attempt: number, result: ProbeResult): void;
  onChange(state: AutoRetryState): void;
  config?: RetryConfig;
  /** The environment, injectable for tests. */
  env?: {
    now(): number;
    online(): boolean;
    hidden(): boolean;
    random(): number;
    addEventListener(type: 'online' | 'visibilitychange', listener: () => void): void;
    removeEventListener(type: 'online' | 'visibilitychange', listener: () => void): void;
  };
}

const browserEnv = {
  now: () => Date.now(),
  online: () => navigator.onLine,
  hidden: () => document.visibilityState === 'hidden',
  random: () => Math.random(),
  addEventListener: (type: 'online' | 'visibilitychange', listener: () => void) =>
    (type === 'online' ? window : document).addEventListener(type, listener),
  removeEventListener: (type: 'online' | 'visibilitychange', listener: () => void) =>
    (type === 'online' ? window : document).removeEventListener(type, listener),
};

/**
 * The automatic retry loop. It lives with the page (or the recovery page), not in the
 * background, so it keeps counting down when the background worker is stopped. Between
 * attempts it probes with one light request and reloads only when the probe is healthy.
 */
export function startAutoRetry(deps: AutoRetryDeps): { stop(): void } {
  const env = deps.env ?? browserEnv;
  const config = deps.config ?? DEFAULT_RETRY;
  let attempt = deps.attemptsSoFar;
  let retryAfterMs = deps.retryAfterMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let done = false;

  const set = (state: AutoRetryState) => {
    if (!done || state.phase === 'stopped') deps.onChange(state);
  };

  const schedule = () => {
    if (done) return;
    const decision = nextRetry(
      { attempt, retryAfterMs, online: env.online(), hidden: env.hidden() },
      config,
      env.random,
    );
    retryAfterMs = null; // A Retry-After speaks for one wait only.
    if (decision.kind === 'give-up') {
      finish();
      deps.onChange({ phase: 'gave-up', attempts: attempt });
      return;
    }
    if (decision.kind === 'paused-offline') {
      set({ phase: 'paused-offline', attempt });
      return; // The 'online' listener picks it up again.
    }
    set({ phase: 'waiting', attempt, dueAt: env.now() + decision.delayMs });
    timer = setTimeout(run, decision.delayMs);
  };

  const run = async () => {
    timer = null;
    if (done) return;
    if (!env.online()) {
      set({ phase: 'paused-offline', attempt });
      return;
    }
    set({ phase: 'probing', attempt });
    const result = await deps
      .probe()
      .catch((): ProbeResult => ({ healthy: false, status: null, retryAfterMs: null }));
    if (done) return;
    attempt += 1;
    deps.onAttempt(attempt, result);
    if (result.healthy) {
      finish();
      deps.onChange({ phase: 'healthy' });
      deps.onHealthy();
      return;
    }
    retryAfterMs = result.retryAfterMs;
    schedule();
  };

  const onOnline = () => {
    if (!done && timer === null) schedule();
  };
  // A tab that becomes visible again should not sit out a long hidden-tab wait.
  const onVisibility = () => {
    if (!done && timer !== null && !env.hidden()) {
      clearTimeout(timer);
      timer = null;
      schedule();
    }
  };

  const finish = () => {
    done = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    env.removeEventListener('online', onOnline);
    env.removeEventListener('visibilitychange', onVisibility);
  };

  env.addEventListener('online', onOnline);
  env.addEventListener('visibilitychange', onVisibility);
  schedule();
  return {
    stop() {
      if (done) return;
      finish();
      deps.onChange({ phase: 'stopped' });
    },
  };
}
