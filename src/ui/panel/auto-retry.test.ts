import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WatchView } from '~/shared/protocol/recovery-messages.ts';
import { type AutoRetryState, startAutoRetry } from './auto-retry.ts';

let online = true;
let hidden = false;
const listeners = new Map<string, () => void>();
const env = {
  now: () => Date.now(),
  online: () => online,
  hidden: () => hidden,
  addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
  removeEventListener: (type: string) => listeners.delete(type),
};

function waiting(inMs: number, extra: Partial<WatchView> = {}): WatchView {
  return {
    siteId: 'chatgpt',
    siteName: 'ChatGPT',
    state: 'waiting',
    phase: 'fast',
    dueAt: Date.now() + inMs,
    wakeAt: Date.now() + inMs,
    checks: 0,
    since: Date.now(),
    limitMs: 7_200_000,
    outageSince: null,
    ...extra,
  };
}

function run(answers: Array<(action: string) => WatchView | null>) {
  const states: AutoRetryState[] = [];
  const calls: Array<{ action: string; hidden: boolean; online: boolean }> = [];
  let push: ((view: WatchView) => void) | null = null;
  const send = vi.fn(async (action: string, context: { hidden: boolean; online: boolean }) => {
    calls.push({ action, ...context });
    const answer = answers.shift();
    if (!answer) throw new Error('no background');
    return answer(action);
  });
  const handle = startAutoRetry({
    send,
    subscribe: (listener) => {
      push = listener;
      return () => {
        push = null;
      };
    },
    onChange: (s) => states.push(s),
    env,
  });
  return { states, calls, handle, push: (view: WatchView) => push?.(view), send };
}

beforeEach(() => {
  vi.useFakeTimers();
  online = true;
  hidden = false;
  listeners.clear();
});
afterEach(() => vi.useRealTimers());

describe('startAutoRetry (the panel’s side)', () => {
  it('joins the site’s watch and asks again when the next check is due', async () => {
    const r = run([() => waiting(3000), () => waiting(5000, { checks: 1 })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.calls[0]?.action).toBe('join');
    expect(r.states[0]).toMatchObject({ state: 'waiting' });
    await vi.advanceTimersByTimeAsync(3000 - 1);
    expect(r.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.calls.map((c) => c.action)).toEqual(['join', 'tick']);
    expect(r.states.at(-1)).toMatchObject({ checks: 1 });
  });

  it('follows what the background pushes (another tab stopped it for the site)', async () => {
    const r = run([() => waiting(3000)]);
    await vi.advanceTimersByTimeAsync(0);
    r.push({ ...waiting(0), state: 'stopped', dueAt: null, wakeAt: null });
    expect(r.states.at(-1)).toMatchObject({ state: 'stopped' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.calls).toHaveLength(1); // Stopped: nothing more to ask.
  });

  it('stops and resumes through the background', async () => {
    const r = run([
      () => waiting(3000),
      () => ({ ...waiting(0), state: 'stopped', dueAt: null, wakeAt: null }),
      () => waiting(2000),
    ]);
    await vi.advanceTimersByTimeAsync(0);
    r.handle.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.states.at(-1)).toMatchObject({ state: 'stopped' });
    r.handle.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.calls.map((c) => c.action)).toEqual(['join', 'stop', 'resume']);
    expect(r.states.at(-1)).toMatchObject({ state: 'waiting' });
  });

  it('tells the background at once when the browser is back online or the tab shows', async () => {
    online = false;
    const r = run([
      () => ({ ...waiting(0), state: 'paused-offline', dueAt: null, wakeAt: null }),
      () => waiting(0),
      () => waiting(9000),
    ]);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.calls[0]).toMatchObject({ online: false });
    online = true;
    listeners.get('online')?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.calls[1]).toMatchObject({ action: 'tick', online: true });
    hidden = true;
    listeners.get('visibilitychange')?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.calls[2]).toMatchObject({ action: 'tick', hidden: true });
  });

  it('asks again later when the background does not answer, and shows nothing meanwhile', async () => {
    const r = run([() => null]);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.states.at(-1)).toEqual({ state: 'unavailable' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(r.calls.map((c) => c.action)).toEqual(['join', 'join']);
  });

  it('closing the panel only stops following: it never stops the site’s watch', async () => {
    const r = run([() => waiting(1000)]);
    await vi.advanceTimersByTimeAsync(0);
    r.handle.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.calls.map((c) => c.action)).toEqual(['join']);
    expect(listeners.size).toBe(0);
  });
});
