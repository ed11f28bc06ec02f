/**
 * Automatic recovery, one schedule per site. Every failing tab of a site joins its site's
 * watch; the background makes one light check when one is due (whichever of its own
 * timer, its alarm or a tab's tick comes first), and when the site answers it brings every
 * failing tab of that site back. The watch lives in session storage, so a stopped worker
 * picks it up again from its alarm or from a tab that asks.
 *
 * While the episode lasts, the site's status page is read again about every minute: a
 * posted fix means "check at once"; a page that still reports trouble changes nothing.
 */
import type { WatchAction, WatchView } from '~/shared/protocol/recovery-messages.ts';
import {
  earliestCheck,
  nextRetry,
  type RetryConfig,
  reportsMajorOutage,
  type StatusSignal,
  statusPostedFix,
} from '~/shared/retry-policy.ts';
import type { SiteAnswer } from './site-probe.ts';

/** A failing tab of the watched site. */
export interface WatchTab {
  /** The address that failed (for the recovery page, the one to go back to). */
  url: string;
  /** The tab shows the recovery page (it goes back by navigation, not by a reload). */
  recoveryPage: boolean;
  hidden: boolean;
  online: boolean;
}

export interface Watch {
  siteId: string;
  /** The address checked: the first failing tab's. */
  url: string;
  /** When the site started failing (the first tab joined). */
  since: number;
  /** The limit counts from here: the start, or the last resume. */
  startedAt: number;
  attempts: number;
  lastCheckAt: number | null;
  dueAt: number | null;
  phase: WatchView['phase'];
  retryAfterUntil: number | null;
  state: WatchView['state'];
  tabs: Record<string, WatchTab>;
  status: StatusSignal | null;
  statusReadAt: number | null;
  outageSince: number | null;
  limitMs: number;
}

export interface WatchStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every stored watch (a closed tab is looked for in all of them). */
  all(): Promise<Watch[]>;
}

export interface WatchDeps {
  now(): number;
  random(): number;
  store: WatchStore;
  /** The policy with the user's limit; null when automatic recovery is turned off. */
  config(): Promise<RetryConfig | null>;
  statusEveryMs: number;
  probe(url: string): Promise<SiteAnswer>;
  /** The site's status, for recovery's purposes (null: none, or unreadable). */
  readStatus(siteId: string): Promise<StatusSignal | null>;
  /** The tab still shows a failure of the site (it did not move on or recover by itself). */
  stillFailing(tabId: number, siteId: string): Promise<boolean>;
  /** Reloads the tab, or takes it from the recovery page back to its address. */
  bringBack(tabId: number, tab: WatchTab): Promise<void>;
  /** Each check, for the tabs' incidents (the support report). */
  noteCheck(tabIds: number[], result: string): void;
  /** Tells the site's tabs what changed. */
  notify(tabIds: number[], view: WatchView): void;
  /** Wakes the watch at `at` (a timer while the worker lives, an alarm beyond). */
  wakeAt(siteId: string, at: number | null): void;
  siteName(siteId: string): string;
}

export interface WatchRequest {
  action: WatchAction;
  tabId: number;
  siteId: string;
  url: string;
  recoveryPage: boolean;
  hidden: boolean;
  online: boolean;
  retryAfterMs?: number | null;
}

const key = (siteId: string) => `watch:${siteId}`;

export function createRecoveryWatch(deps: WatchDeps) {
  const locks = new Map<string, Promise<unknown>>();

  /** One thing at a time per site: two tabs asking at once make one check. */
  function locked<T>(siteId: string, task: () => Promise<T>): Promise<T> {
    const run = (locks.get(siteId) ?? Promise.resolve()).then(task, task);
    locks.set(
      siteId,
      run.catch(() => undefined),
    );
    return run;
  }

  async function load(siteId: string): Promise<Watch | null> {
    const stored = await deps.store.get(key(siteId)).catch(() => ({}) as Record<string, unknown>);
    const watch = stored[key(siteId)];
    return isWatch(watch) ? watch : null;
  }

  async function save(watch: Watch): Promise<void> {
    await deps.store.set({ [key(watch.siteId)]: watch }).catch(() => undefined);
  }

  async function forget(siteId: string): Promise<void> {
    deps.wakeAt(siteId, null);
    await deps.store.remove(key(siteId)).catch(() => undefined);
  }

  function view(watch: Watch): WatchView {
    const statusDue = watch.statusReadAt === null ? null : watch.statusReadAt + deps.statusEveryMs;
    const waiting = watch.state === 'waiting';
    return {
      siteId: watch.siteId,
      siteName: deps.siteName(watch.siteId),
      state: watch.state,
      phase: watch.phase,
      dueAt: waiting ? watch.dueAt : null,
      wakeAt: waiting ? minOf(watch.dueAt, statusDue) : null,
      checks: watch.attempts,
      since: watch.since,
      limitMs: watch.limitMs,
      outageSince: watch.outageSince,
    };
  }

  const tabIds = (watch: Watch) => Object.keys(watch.tabs).map(Number);
  const online = (watch: Watch) => Object.values(watch.tabs).some((tab) => tab.online);
  const hidden = (watch: Watch) => Object.values(watch.tabs).every((tab) => tab.hidden);

  function plan(watch: Watch, config: RetryConfig): void {
    const now = deps.now();
    const decision = nextRetry(
      {
        now,
        startedAt: watch.startedAt,
        attempt: watch.attempts,
        lastCheckAt: watch.lastCheckAt,
        retryAfterUntil: watch.retryAfterUntil,
        online: online(watch),
        hidden: hidden(watch),
      },
      config,
      deps.random,
    );
    if (decision.kind === 'wait') {
      watch.state = 'waiting';
      watch.dueAt = decision.at;
      watch.phase = decision.phase;
    } else {
      watch.state = decision.kind === 'paused-offline' ? 'paused-offline' : 'limit';
      watch.dueAt = null;
    }
  }

  /** Reads the status page when due; a posted fix moves the next check to now. */
  async function readStatusIfDue(watch: Watch, config: RetryConfig): Promise<void> {
    const now = deps.now();
    if (watch.statusReadAt !== null && now < watch.statusReadAt + deps.statusEveryMs) return;
    watch.statusReadAt = now;
    const signal = await deps.readStatus(watch.siteId).catch(() => null);
    if (!signal || signal.level === 'unknown') return;
    if (reportsMajorOutage(signal)) {
      const updated = signal.incidents
        .map((incident) => incident.updatedAt)
        .filter((at): at is number => at !== null);
      watch.outageSince ??= Math.min(now, ...updated);
    } else {
      watch.outageSince = null;
    }
    if (statusPostedFix(watch.status, signal) && watch.state === 'waiting') {
      watch.dueAt = Math.min(
        watch.dueAt ?? Infinity,
        earliestCheck(
          {
            now: deps.now(),
            lastCheckAt: watch.lastCheckAt,
            retryAfterUntil: watch.retryAfterUntil,
          },
          config,
        ),
      );
    }
    watch.status = signal;
  }

  /** Runs what is due: a status read, a check. Returns the watch as it stands after. */
  async function runDue(watch: Watch, config: RetryConfig): Promise<Watch | null> {
    if (watch.state !== 'waiting' && watch.state !== 'paused-offline') return watch;
    if (!online(watch)) {
      watch.state = 'paused-offline';
      watch.dueAt = null;
      return watch;
    }
    if (watch.state === 'paused-offline' || watch.dueAt === null) {
      // Back online: check at once (within the per-site spacing), then go on as planned.
      watch.state = 'waiting';
      watch.dueAt = earliestCheck(
        { now: deps.now(), lastCheckAt: watch.lastCheckAt, retryAfterUntil: watch.retryAfterUntil },
        config,
      );
    }
    await readStatusIfDue(watch, config);
    if (deps.now() < (watch.dueAt ?? Infinity)) return watch;
    // Tabs that went elsewhere (or recovered on their own) no longer need the site checked.
    for (const id of tabIds(watch)) {
      if (!(await deps.stillFailing(id, watch.siteId))) delete watch.tabs[id];
    }
    if (Object.keys(watch.tabs).length === 0) {
      await forget(watch.siteId);
      return null;
    }
    // Written before the request: a worker stopped meanwhile must not check again at once.
    watch.lastCheckAt = deps.now();
    watch.attempts += 1;
    await save(watch);
    const result = await deps
      .probe(watch.url)
      .catch((): SiteAnswer => ({ healthy: false, status: null, retryAfterMs: null }));
    deps.noteCheck(
      tabIds(watch),
      result.healthy ? 'healthy' : String(result.status ?? 'no answer'),
    );
    if (result.healthy) return recovered(watch);
    watch.retryAfterUntil =
      result.retryAfterMs === null ? null : (watch.lastCheckAt ?? deps.now()) + result.retryAfterMs;
    plan(watch, config);
    return watch;
  }

  /** The site answers: every tab that still shows its failure goes back to it. */
  async function recovered(watch: Watch): Promise<null> {
    watch.state = 'recovered';
    watch.dueAt = null;
    deps.notify(tabIds(watch), view(watch));
    await forget(watch.siteId);
    await Promise.all(
      Object.entries(watch.tabs).map(async ([id, tab]) => {
        if (await deps.stillFailing(Number(id), watch.siteId))
          await deps.bringBack(Number(id), tab);
      }),
    );
    return null;
  }

  async function settle(watch: Watch | null, before: string | null): Promise<WatchView | null> {
    if (!watch) return null;
    await save(watch);
    const current = view(watch);
    deps.wakeAt(watch.siteId, current.wakeAt);
    const after = JSON.stringify(current);
    if (after !== before) deps.notify(tabIds(watch), current);
    return current;
  }

  /** A request from a failing tab (or the recovery page showing one). */
  function request(req: WatchRequest): Promise<WatchView | null> {
    return locked(req.siteId, async () => {
      const config = await deps.config();
      if (!config) return null;
      let watch = await load(req.siteId);
      const before = watch ? JSON.stringify(view(watch)) : null;
      const tab: WatchTab = {
        url: req.url,
        recoveryPage: req.recoveryPage,
        hidden: req.hidden,
        online: req.online,
      };
      const now = deps.now();
      if (!watch) {
        // Only a failing tab starts a watch; a tick after recovery finds nothing to do.
        if (req.action !== 'join') return null;
        if (!(await deps.stillFailing(req.tabId, req.siteId))) return null;
        watch = {
          siteId: req.siteId,
          url: req.url,
          since: now,
          startedAt: now,
          attempts: 0,
          // The failed load itself was a request to the site.
          lastCheckAt: now,
          dueAt: null,
          phase: 'fast',
          retryAfterUntil: req.retryAfterMs ? now + req.retryAfterMs : null,
          state: 'waiting',
          tabs: {},
          status: null,
          statusReadAt: null,
          outageSince: null,
          limitMs: config.limitMs,
        };
        watch.tabs[req.tabId] = tab;
        plan(watch, config);
        await readStatusIfDue(watch, config);
        return settle(watch, before);
      }
      const wasHidden = hidden(watch);
      const known = watch.tabs[req.tabId];
      watch.tabs[req.tabId] = tab;
      if (req.action === 'stop') {
        watch.state = 'stopped';
        watch.dueAt = null;
        return settle(watch, before);
      }
      if (req.action === 'resume') {
        if (watch.state === 'stopped' || watch.state === 'limit') {
          watch.startedAt = now;
          watch.state = 'waiting';
          watch.dueAt = earliestCheck(
            { now, lastCheckAt: watch.lastCheckAt, retryAfterUntil: watch.retryAfterUntil },
            config,
          );
        }
        return settle(await runDue(watch, config), before);
      }
      if (req.action === 'join' && !known && req.retryAfterMs) {
        watch.retryAfterUntil = Math.max(watch.retryAfterUntil ?? 0, now + req.retryAfterMs);
      }
      // A tab that comes into view should not sit out a wait meant for hidden tabs.
      if (watch.state === 'waiting' && wasHidden && !hidden(watch)) plan(watch, config);
      return settle(await runDue(watch, config), before);
    });
  }

  /** The watch's own timer or alarm. */
  function wake(siteId: string): Promise<WatchView | null> {
    return locked(siteId, async () => {
      const config = await deps.config();
      const watch = await load(siteId);
      if (!watch) return null;
      if (!config) {
        await forget(siteId);
        return null;
      }
      const before = JSON.stringify(view(watch));
      return settle(await runDue(watch, config), before);
    });
  }

  /** A page of the site loaded healthy: the site is back, whatever its status page says. */
  function siteAnswered(siteId: string): Promise<void> {
    return locked(siteId, async () => {
      const watch = await load(siteId);
      if (watch) await recovered(watch);
    });
  }

  /** A tab closed: it leaves its watch; a watch without tabs ends. */
  async function tabClosed(tabId: number): Promise<void> {
    const watches = await deps.store.all().catch(() => [] as Watch[]);
    for (const found of watches) {
      if (!(String(tabId) in found.tabs)) continue;
      await locked(found.siteId, async () => {
        const watch = await load(found.siteId);
        if (!watch) return;
        delete watch.tabs[tabId];
        if (Object.keys(watch.tabs).length === 0) await forget(watch.siteId);
        else await save(watch);
      });
    }
  }

  return { request, wake, siteAnswered, tabClosed, load };
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function isWatch(value: unknown): value is Watch {
  if (typeof value !== 'object' || value === null) return false;
  const w = value as Partial<Watch>;
  return (
    typeof w.siteId === 'string' &&
    typeof w.url === 'string' &&
    typeof w.attempts === 'number' &&
    typeof w.since === 'number' &&
    typeof w.tabs === 'object' &&
    w.tabs !== null
  );
}
