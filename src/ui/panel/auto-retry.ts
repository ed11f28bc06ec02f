import type { WatchAction, WatchView } from '~/shared/protocol/recovery-messages.ts';
import { onBackgroundMessage } from '~/shared/protocol/tab-messages.ts';

/**
 * What the panel shows of automatic recovery: the site's watch as the background last
 * told it (null until it answers), or "unavailable" when the background cannot watch.
 */
export type AutoRetryState = WatchView | { state: 'unavailable' };

export interface AutoRetryDeps {
  /** Asks the background about this site's watch (join, tick, stop, resume). */
  send(
    action: WatchAction,
    context: { hidden: boolean; online: boolean },
  ): Promise<WatchView | null>;
  /** The background's news about the watch; returns how to stop listening. */
  subscribe?(listener: (view: WatchView) => void): () => void;
  onChange(state: AutoRetryState): void;
  /** The environment, injectable for tests. */
  env?: {
    now(): number;
    online(): boolean;
    hidden(): boolean;
    addEventListener(type: 'online' | 'visibilitychange', listener: () => void): void;
    removeEventListener(type: 'online' | 'visibilitychange', listener: () => void): void;
  };
}

const browserEnv = {
  now: () => Date.now(),
  online: () => navigator.onLine,
  hidden: () => document.visibilityState === 'hidden',
  addEventListener: (type: 'online' | 'visibilitychange', listener: () => void) =>
    (type === 'online' ? window : document).addEventListener(type, listener),
  removeEventListener: (type: 'online' | 'visibilitychange', listener: () => void) =>
    (type === 'online' ? window : document).removeEventListener(type, listener),
};

/** When the background does not answer, ask again this much later. */
const NO_ANSWER_RETRY_MS = 5_000;
/** Ask a little after the check is due, so the background's own timer usually runs it. */
const TICK_SLACK_MS = 250;

/** The background's pushes about `siteId`'s watch, from this extension only. */
export function watchUpdates(siteId: string) {
  return (listener: (view: WatchView) => void) => {
    return onBackgroundMessage('watchChanged', ({ view }) => {
      if (view.siteId === siteId) listener(view);
    });
  };
}

/**
 * The panel's side of automatic recovery. The schedule and the checks live in the
 * background, one per site for all its tabs; the panel joins, shows the countdown, and
 * asks when a check is due (so a stopped background worker is woken up by any surviving
 * tab). It tells the background when the tab is hidden or the browser comes back online.
 */
export function startAutoRetry(deps: AutoRetryDeps): {
  stop(): void;
  resume(): void;
  dispose(): void;
} {
  const env = deps.env ?? browserEnv;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  let last: WatchView | null = null;

  const context = () => ({ hidden: env.hidden(), online: env.online() });

  const show = (view: WatchView | null) => {
    if (disposed) return;
    last = view;
    deps.onChange(view ?? { state: 'unavailable' });
    plan();
  };

  const plan = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (disposed) return;
    if (last === null) {
      timer = setTimeout(() => ask('join'), NO_ANSWER_RETRY_MS);
      return;
    }
    if (last.state !== 'waiting' || last.wakeAt === null) return;
    const wait = Math.max(0, last.wakeAt - env.now()) + TICK_SLACK_MS;
    timer = setTimeout(() => ask('tick'), wait);
  };

  const ask = (action: WatchAction) => {
    if (disposed) return;
    deps.send(action, context()).then(
      (view) => show(view),
      () => show(null),
    );
  };

  const onOnline = () => ask('tick');
  const onVisibility = () => ask('tick');
  const unsubscribe = deps.subscribe?.((view) => show(view));
  env.addEventListener('online', onOnline);
  env.addEventListener('visibilitychange', onVisibility);
  ask('join');

  return {
    stop: () => ask('stop'),
    resume: () => ask('resume'),
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      unsubscribe?.();
      env.removeEventListener('online', onOnline);
      env.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
