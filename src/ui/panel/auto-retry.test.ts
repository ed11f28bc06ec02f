import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RETRY } from '~/shared/retry-policy.ts';
import { type AutoRetryState, type ProbeResult, startAutoRetry } from './auto-retry.ts';

let online = true;
let hidden = false;
const listeners = new Map<string, () => void>();
const env = {
  now: () => Date.now(),
  online: () => online,
  hidden: () => hidden,
  random: () => 0.5,
  addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
  removeEventListener: (type: string) => listeners.delete(type),
};
const bad: ProbeResult = { healthy: false, status: 502, retryAfterMs: null };
const good: ProbeResult = { healthy: true, status: 200, retryAfterMs: null };

function run(
  probes: ProbeResult[],
  extra: { attemptsSoFar?: number; retryAfterMs?: number | null } = {},
) {
  const states: AutoRetryState[] = [];
  const attempts: number[] = [];
  const onHealthy = vi.fn();
  const probe = vi.fn(async () => probes.shift() ?? bad);
  const handle = startAutoRetry({
    attemptsSoFar: extra.attemptsSoFar ?? 0,
    retryAfterMs: extra.retryAfterMs ?? null,
    probe,
    onHealthy,
    onAttempt: (n) => attempts.push(n),
    onChange: (s) => states.push(s),
    env,
  });
  return { states, attempts, onHealthy, probe, handle };
}

beforeEach(() => {
  vi.useFakeTimers();
  online = true;
  hidden = false;
  listeners.clear();
});
afterEach(() => vi.useRealTimers());

describe('startAutoRetry', () => {
  it('counts down, probes, and reloads only once a probe is healthy', async () => {
    const r = run([bad, bad, good]);
    expect(r.states[0]).toMatchObject({ phase: 'waiting', attempt: 0 });
    await vi.advanceTimersByTimeAsync(1000 - 1);
    expect(r.probe).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.probe).toHaveBeenCalledTimes(3);
    expect(r.attempts).toEqual([1, 2, 3]);
    expect(r.onHealthy).toHaveBeenCalledOnce();
    expect(r.states.at(-1)).toEqual({ phase: 'healthy' });
  });

  it('stops on its own after the maximum number of attempts and says so', async () => {
    const r = run([]);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(r.probe).toHaveBeenCalledTimes(DEFAULT_RETRY.maxAttempts);
    expect(r.states.at(-1)).toEqual({ phase: 'gave-up', attempts: DEFAULT_RETRY.maxAttempts });
    expect(r.onHealthy).not.toHaveBeenCalled();
  });

  it('continues the count of attempts made before a reload', async () => {
    const r = run([], { attemptsSoFar: DEFAULT_RETRY.maxAttempts - 1 });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(r.probe).toHaveBeenCalledTimes(1);
  });

  it('waits for Retry-After before the first probe, and for the probe’s own next', async () => {
    const r = run([{ healthy: false, status: 503, retryAfterMs: 20_000 }], { retryAfterMs: 6000 });
    await vi.advanceTimersByTimeAsync(5999);
    expect(r.probe).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(r.probe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(r.probe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.probe).toHaveBeenCalledTimes(2);
  });

  it('Stop retrying stops for good', async () => {
    const r = run([]);
    r.handle.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(r.probe).not.toHaveBeenCalled();
    expect(r.states.at(-1)).toEqual({ phase: 'stopped' });
  });

  it('pauses while offline and resumes on reconnect', async () => {
    online = false;
    const r = run([good]);
    expect(r.states.at(-1)).toMatchObject({ phase: 'paused-offline' });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(r.probe).not.toHaveBeenCalled();
    online = true;
    listeners.get('online')?.();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.onHealthy).toHaveBeenCalledOnce();
  });

  it('does not probe when the connection dropped during the wait', async () => {
    const r = run([good]);
    online = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.probe).not.toHaveBeenCalled();
    expect(r.states.at(-1)).toMatchObject({ phase: 'paused-offline' });
  });

  it('waits longer in a hidden tab', async () => {
    hidden = true;
    const r = run([]);
    const first = r.states[0];
    expect(first?.phase === 'waiting' && first.dueAt - Date.now()).toBe(3000);
  });

  it('treats a probe that throws as a failed attempt', async () => {
    const states: AutoRetryState[] = [];
    startAutoRetry({
      attemptsSoFar: 0,
      retryAfterMs: null,
      probe: () => Promise.reject(new TypeError('Failed to fetch')),
      onHealthy: () => undefined,
      onAttempt: () => undefined,
      onChange: (s) => states.push(s),
      env,
    });
    await vi.advanceTimersByTimeAsync(2000);
    expect(states.at(-1)).toMatchObject({ phase: 'waiting', attempt: 1 });
  });
});
