import { describe, expect, it, vi } from 'vitest';
import type { WatchView } from '~/shared/protocol/recovery-messages.ts';
import { DEFAULT_RETRY, type StatusSignal } from '~/shared/retry-policy.ts';
import { createRecoveryWatch, type Watch, type WatchTab } from './recovery-watch.ts';
import type { SiteAnswer } from './site-probe.ts';

const URL = 'https://chatgpt.com/c/1';
const down: SiteAnswer = { healthy: false, status: 502, retryAfterMs: null };
const up: SiteAnswer = { healthy: true, status: 200, retryAfterMs: null };

/** A fake clock, session storage that survives "restarts", and recorded effects. */
function world(options: { statusEveryMs?: number } = {}) {
  let now = Date.parse('2026-11-27T14:02:00Z');
  const storage = new Map<string, unknown>();
  const failing = new Set<number>();
  const probes: number[] = [];
  let answer: SiteAnswer = down;
  let status: StatusSignal | null = null;
  let enabled = true;
  const broughtBack: Array<[number, WatchTab]> = [];
  const notified: WatchView[] = [];
  const deps = {
    now: () => now,
    random: () => 0.5,
    store: {
      get: async (key: string) =>
        storage.has(key) ? { [key]: structuredClone(storage.get(key)) } : {},
      set: async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) storage.set(k, structuredClone(v));
      },
      remove: async (key: string) => void storage.delete(key),
      all: async () => [...storage.values()] as Watch[],
    },
    config: async () => (enabled ? DEFAULT_RETRY : null),
    statusEveryMs: options.statusEveryMs ?? 60_000,
    probe: vi.fn(async () => {
      probes.push(now);
      return answer;
    }),
    readStatus: vi.fn(async () => status),
    stillFailing: async (tabId: number) => failing.has(tabId),
    bringBack: async (tabId: number, tab: WatchTab) => {
      broughtBack.push([tabId, tab]);
      failing.delete(tabId);
    },
    noteCheck: vi.fn(),
    notify: (_ids: number[], view: WatchView) => void notified.push(view),
    wakeAt: vi.fn(),
    siteName: () => 'ChatGPT',
  };
  let watch = createRecoveryWatch(deps);
  const join = (tabId: number, extra: Partial<Parameters<typeof watch.request>[0]> = {}) => {
    failing.add(tabId);
    return watch.request({
      action: 'join',
      tabId,
      siteId: 'chatgpt',
      url: URL,
      recoveryPage: false,
      hidden: false,
      online: true,
      ...extra,
    });
  };
  const tick = (tabId: number, extra: Partial<Parameters<typeof watch.request>[0]> = {}) =>
    watch.request({
      action: 'tick',
      tabId,
      siteId: 'chatgpt',
      url: URL,
      recoveryPage: false,
      hidden: false,
      online: true,
      ...extra,
    });
  return {
    deps,
    join,
    tick,
    get watch() {
      return watch;
    },
    /** The worker stopped and started again: memory gone, storage kept. */
    restart() {
      watch = createRecoveryWatch(deps);
    },
    advanceTo(at: number) {
      now = Math.max(now, at);
    },
    advance(ms: number) {
      now += ms;
    },
    get now() {
      return now;
    },
    probes,
    broughtBack,
    notified,
    failing,
    setAnswer: (a: SiteAnswer) => {
      answer = a;
    },
    setStatus: (s: StatusSignal | null) => {
      status = s;
    },
    disable: () => {
      enabled = false;
    },
  };
}

describe('recovery watch: one schedule and one probe per site', () => {
  it('two failing tabs share one watch: one probe per due check, however many ask', async () => {
    const w = world();
    const first = await w.join(1);
    const second = await w.join(2);
    expect(second?.dueAt).toBe(first?.dueAt);
    w.advanceTo(first?.dueAt ?? 0);
    const views = await Promise.all([w.tick(1), w.tick(2), w.watch.wake('chatgpt')]);
    expect(w.probes).toHaveLength(1);
    expect(views.every((v) => v?.checks === 1)).toBe(true);
    expect(views[0]?.dueAt).toBeGreaterThan(w.now);
  });

  it('asks before it is due run nothing', async () => {
    const w = world();
    const view = await w.join(1);
    w.advanceTo((view?.dueAt ?? 0) - 100);
    await w.tick(1);
    expect(w.probes).toHaveLength(0);
  });

  it('brings every failing tab of the site back when the probe succeeds', async () => {
    const w = world();
    await w.join(1);
    const view = await w.join(2, { recoveryPage: true, url: 'https://chatgpt.com/c/2' });
    w.setAnswer(up);
    w.advanceTo(view?.dueAt ?? 0);
    expect(await w.tick(1)).toBeNull();
    expect(w.broughtBack.map(([id, tab]) => [id, tab.recoveryPage, tab.url])).toEqual([
      [1, false, URL],
      [2, true, 'https://chatgpt.com/c/2'],
    ]);
    expect(w.notified.at(-1)?.state).toBe('recovered');
    expect(await w.watch.load('chatgpt')).toBeNull();
  });

  it('never brings back a tab that moved on meanwhile', async () => {
    const w = world();
    await w.join(1);
    await w.join(2);
    w.failing.delete(2);
    await w.watch.siteAnswered('chatgpt');
    expect(w.broughtBack.map(([id]) => id)).toEqual([1]);
  });

  it('survives the worker being stopped: the schedule is in storage, not memory', async () => {
    const w = world();
    const view = await w.join(1);
    w.restart();
    w.advanceTo(view?.dueAt ?? 0);
    const after = await w.watch.wake('chatgpt');
    expect(w.probes).toHaveLength(1);
    expect(after?.checks).toBe(1);
    // A failing tab reloaded by hand joins again and keeps the same episode and count.
    const rejoined = await w.join(1);
    expect(rejoined?.since).toBe(view?.since);
    expect(rejoined?.checks).toBe(1);
  });

  it('goes on into the steady phase, about once a minute, never two within 30 s', async () => {
    const w = world();
    let view = await w.join(1);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      w.advanceTo(view?.dueAt ?? 0);
      view = await w.tick(1);
      times.push(w.now);
    }
    expect(view?.phase).toBe('steady');
    const steadyGaps = times
      .slice(DEFAULT_RETRY.fastAttempts + 1)
      .map((t, i) => t - (times[i + DEFAULT_RETRY.fastAttempts] as number));
    expect(Math.min(...steadyGaps)).toBeGreaterThanOrEqual(30_000);
    expect(w.probes).toHaveLength(20);
  });

  it('stops for every tab of the site, and resumes with one click', async () => {
    const w = world();
    await w.join(1);
    await w.join(2);
    const stopped = await w.watch.request({
      action: 'stop',
      tabId: 2,
      siteId: 'chatgpt',
      url: URL,
      recoveryPage: false,
      hidden: false,
      online: true,
    });
    expect(stopped?.state).toBe('stopped');
    expect(w.notified.at(-1)?.state).toBe('stopped');
    w.advance(10 * 60_000);
    expect((await w.tick(1))?.state).toBe('stopped');
    expect(w.probes).toHaveLength(0);
    const resumed = await w.watch.request({
      action: 'resume',
      tabId: 1,
      siteId: 'chatgpt',
      url: URL,
      recoveryPage: false,
      hidden: false,
      online: true,
    });
    expect(w.probes).toHaveLength(1);
    expect(resumed?.state).toBe('waiting');
  });

  it('stops at the limit and says so, instead of giving up silently', async () => {
    const w = world();
    await w.join(1);
    w.advance(DEFAULT_RETRY.limitMs + 1);
    const view = await w.tick(1);
    expect(view?.state).toBe('limit');
  });

  it('pauses offline and checks at once when a tab says it is back online', async () => {
    const w = world();
    const view = await w.join(1);
    w.advanceTo(view?.dueAt ?? 0);
    expect((await w.tick(1, { online: false }))?.state).toBe('paused-offline');
    expect(w.probes).toHaveLength(0);
    w.advance(5 * 60_000);
    await w.tick(1, { online: true });
    expect(w.probes).toEqual([w.now]);
  });

  it('honours the failed answer’s Retry-After', async () => {
    const w = world();
    const view = await w.join(1, { retryAfterMs: 120_000 });
    expect((view?.dueAt ?? 0) - w.now).toBeGreaterThanOrEqual(120_000);
  });

  it('is slower when every tab of the site is hidden', async () => {
    const visible = await world().join(1);
    const w = world();
    const hidden = await w.join(1, { hidden: true });
    expect((hidden?.dueAt ?? 0) - w.now).toBe(
      DEFAULT_RETRY.hiddenFactor * ((visible?.dueAt ?? 0) - w.now),
    );
  });

  it('checks no more for tabs that went elsewhere: the watch ends with the last failing tab', async () => {
    const w = world();
    const view = await w.join(1);
    await w.join(2);
    w.failing.delete(1);
    w.advanceTo(view?.dueAt ?? 0);
    await w.tick(2);
    expect(w.probes).toHaveLength(1);
    expect(Object.keys((await w.watch.load('chatgpt'))?.tabs ?? {})).toEqual(['2']);
    w.failing.delete(2);
    w.advance(60_000);
    expect(await w.watch.wake('chatgpt')).toBeNull();
    expect(w.probes).toHaveLength(1);
    expect(await w.watch.load('chatgpt')).toBeNull();
  });

  it('a closed tab leaves; the watch ends with its last tab', async () => {
    const w = world();
    await w.join(1);
    await w.join(2);
    await w.watch.tabClosed(1);
    expect(Object.keys((await w.watch.load('chatgpt'))?.tabs ?? {})).toEqual(['2']);
    await w.watch.tabClosed(2);
    expect(await w.watch.load('chatgpt')).toBeNull();
  });

  it('watches nothing when automatic recovery is off, or the tab is not failing', async () => {
    const w = world();
    w.disable();
    expect(await w.join(1)).toBeNull();
    const v = world();
    expect(
      await v.watch.request({
        action: 'join',
        tabId: 9,
        siteId: 'chatgpt',
        url: URL,
        recoveryPage: false,
        hidden: false,
        online: true,
      }),
    ).toBeNull();
  });
});

describe('recovery watch: guided by the status page, never fooled by it', () => {
  const major: StatusSignal = {
    level: 'major-outage',
    incidents: [{ status: 'investigating', updatedAt: Date.parse('2026-11-27T13:50:00Z') }],
  };
  const operational: StatusSignal = { level: 'operational', incidents: [] };

  it('reports a major outage with its time, and checks at once when the fix is posted', async () => {
    const w = world({ statusEveryMs: 20_000 });
    w.setStatus(major);
    let view = await w.join(1);
    expect(view?.outageSince).toBe(Date.parse('2026-11-27T13:50:00Z'));
    // Into the steady phase, where the next check is far.
    for (let i = 0; i < DEFAULT_RETRY.fastAttempts + 1; i++) {
      w.advanceTo(view?.dueAt ?? 0);
      view = await w.tick(1);
    }
    const probes = w.probes.length;
    const due = view?.dueAt ?? 0;
    w.setStatus(operational);
    // The next status read comes before the next check would.
    expect(view?.wakeAt).toBeLessThan(due);
    w.advanceTo(view?.wakeAt ?? 0);
    view = await w.watch.wake('chatgpt');
    expect(w.probes.length).toBe(probes + 1);
    expect(w.probes.at(-1)).toBeLessThan(due);
    expect(view?.outageSince).toBeNull();
  });

  it('a status page still reporting the outage never delays a healthy site', async () => {
    const w = world();
    w.setStatus(major);
    const view = await w.join(1);
    w.setAnswer(up);
    w.advanceTo(view?.dueAt ?? 0);
    expect(await w.tick(1)).toBeNull();
    expect(w.broughtBack).toHaveLength(1);
  });

  it('a status page saying operational never stops the checks while the site fails', async () => {
    const w = world();
    w.setStatus(operational);
    let view = await w.join(1);
    for (let i = 0; i < 12; i++) {
      w.advanceTo(view?.dueAt ?? 0);
      view = await w.tick(1);
    }
    expect(w.probes).toHaveLength(12);
    expect(view?.state).toBe('waiting');
  });
});
