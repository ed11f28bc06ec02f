/**
 * The five measurements, each in one browser. Every figure comes from the browser's own
 * clocks (navigation and resource timing, paint timing, requestAnimationFrame) or, in
 * Chromium, the DevTools protocol; the fake sites' clock is the machine's, like theirs.
 */
import type { TestBrowser, TestPage } from '../../test/e2e/harness/browsers.ts';
import type { FakeRequest, FakeResponse, FakeSites } from '../../test/e2e/harness/fake-sites.ts';
import { sleep } from '../../test/e2e/harness/test-page.ts';
import {
  type CdpSession,
  type CpuProfile,
  connect,
  findTarget,
  metrics,
  profileMs,
} from './cdp.ts';
import { chatPage, failingPage } from './pages.ts';

export const HOST = 'chatgpt.com';
const CHAT_API = '/backend-api/f/conversation';
const CHAT_URL = `https://${HOST}${CHAT_API}`;
/** After a load: the content script's handshake with the background is over by then. */
const SETTLE_MS = 500;

export interface Bench {
  browser: TestBrowser;
  /** Chromium's DevTools port; undefined in Firefox. */
  debuggingPort?: number;
}

/** What the fake chatgpt.com answers in the bench; the chat call's status is switchable. */
export class BenchSite {
  chatStatus = 200;
  /** Epoch ms at which each empty-body failure was answered, by path. */
  readonly failedAt = new Map<string, number>();
  private readonly page = chatPage(HOST);

  constructor(fake: FakeSites) {
    fake.script(HOST, '*', (req) => this.answer(req));
  }

  private answer(req: FakeRequest): FakeResponse {
    if (req.path === CHAT_API) {
      return this.chatStatus >= 500
        ? { status: this.chatStatus, body: 'bad gateway' }
        : { status: 200, body: 'data: {"ok":true}\n\n' };
    }
    if (req.path.startsWith('/backend-api/') || req.path.startsWith('/api/')) {
      return { status: 200, body: '{"ok":true}' };
    }
    if (req.path.startsWith('/bench/fail-html/')) return { status: 502, body: failingPage(502) };
    if (req.path.startsWith('/bench/fail-empty/')) {
      // Answered at once with nothing to read: this is when the response ended.
      this.failedAt.set(req.path, Date.now());
      return { status: 502, body: '' };
    }
    return { status: 200, body: this.page };
  }
}

const SEEN = 'window.__ggSeen ?? null';
interface Seen {
  at: number;
  text: string;
}

async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | null | undefined>,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Time to help on a page load, and the browser's share of it. */
export interface PageHelp {
  /** The failing response's end to the panel's first frame, ms. */
  totalMs: number;
  /**
   * The response's end to the document parsed (domInteractive), ms: the browser's work of
   * committing the navigation and creating the document, before which no script of the
   * extension can run (its content script starts at document_start, inside this span).
   */
  browserMs: number;
}

/** 1. Time to help, in-page panel: an HTML 502 page load. */
export async function timeToPagePanel(page: TestPage, run: number): Promise<PageHelp> {
  await page.goto(`https://${HOST}/bench/fail-html/${run}-${Date.now()}`);
  const seen = await waitFor('the in-page panel', 15_000, () => page.evaluate<Seen | null>(SEEN));
  const nav = await page.evaluate<{ responseEnd: number; domInteractive: number }>(
    `(() => { const n = performance.getEntriesByType('navigation')[0]; return { responseEnd: performance.timeOrigin + n.responseEnd, domInteractive: performance.timeOrigin + n.domInteractive }; })()`,
  );
  return { totalMs: seen.at - nav.responseEnd, browserMs: nav.domInteractive - nav.responseEnd };
}

/** 1. Time to help, compact notice: the chat request answers 502 on a healthy page. */
export async function timeToCompactNotice(
  page: TestPage,
  site: BenchSite,
  run: number,
): Promise<number> {
  site.chatStatus = 200;
  await page.goto(`https://${HOST}/bench/chat/${run}-${Date.now()}`);
  await sleep(SETTLE_MS);
  site.chatStatus = 502;
  try {
    await page.evaluate(`(async () => {
      window.__ggWatch();
      // Read to the end: the resource timing entry is written once the body is in.
      await fetch(${JSON.stringify(CHAT_API)}, { method: 'POST', body: '{}' })
        .then((r) => r.text(), () => null);
    })()`);
    const seen = await waitFor('the compact notice', 15_000, () =>
      page.evaluate<Seen | null>(SEEN),
    );
    const responseEnd = await page.evaluate<number>(
      `performance.timeOrigin + performance.getEntriesByName(${JSON.stringify(CHAT_URL)}).at(-1).responseEnd`,
    );
    return seen.at - responseEnd;
  } finally {
    site.chatStatus = 200;
  }
}

/** The recovery page's first contentful paint (epoch ms), once its panel is up. */
const RECOVERY_PAINT = `(() => {
  const dialog = document.querySelector('[role="dialog"]');
  const heading = dialog && dialog.querySelector('h1, h2');
  const retry = dialog && [...dialog.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Retry now');
  const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
  if (!heading || !retry || !fcp || heading.getClientRects().length === 0 || retry.getClientRects().length === 0) return null;
  return performance.timeOrigin + fcp.startTime;
})()`;

/** 1. Time to help, recovery page: an empty-body 502 (the browser would show its own page). */
export async function timeToRecoveryPanel(
  bench: Bench,
  page: TestPage,
  site: BenchSite,
  run: number,
): Promise<number> {
  const path = `/bench/fail-empty/${run}-${Date.now()}`;
  await page.goto(`https://${HOST}${path}`);
  await page.waitForUrl((u) => u.startsWith(bench.browser.extensionBase), 15_000);
  const paintedAt = await waitFor('the recovery page panel', 15_000, () =>
    page.evaluate<number | null>(RECOVERY_PAINT),
  );
  const failedAt = site.failedAt.get(path);
  if (failedAt === undefined) throw new Error('the fake never answered the failing load');
  return paintedAt - failedAt;
}

/** One healthy page load, with what Chromium can say about its main thread. */
export interface LoadSample {
  /** Navigation start to the end of the load event, ms. */
  loadMs: number;
  /** Chromium: script and task time of the page's main thread during the load, ms. */
  scriptMs?: number;
  taskMs?: number;
  /** Chromium: sampled CPU time in functions of the extension's own files, ms. */
  extensionMs?: number;
}

/**
 * A new tab's DevTools session, found by a title set on its blank document; it stays with
 * the tab through the navigation that follows.
 */
async function pageSession(bench: Bench, page: TestPage): Promise<CdpSession | null> {
  if (!bench.debuggingPort) return null;
  const marker = `gg-bench-${Math.random().toString(36).slice(2)}`;
  await page.evaluate(`document.title = ${JSON.stringify(marker)}`);
  const target = await findTarget(
    bench.debuggingPort,
    marker,
    (t) => t.type === 'page' && t.title === marker,
  );
  return connect(target);
}

const NAV_TIMING = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return nav ? nav.loadEventEnd - nav.startTime : null;
})()`;

/** 2. A healthy chat page load in a new tab. */
export async function healthyLoad(bench: Bench, run: string): Promise<LoadSample> {
  const page = await bench.browser.newPage();
  const cdp = await pageSession(bench, page);
  try {
    if (cdp) {
      await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const before = cdp ? await metrics(cdp) : null;
    await page.goto(`https://${HOST}/bench/load/${run}`);
    await sleep(SETTLE_MS);
    const loadMs = await waitFor('the load event', 10_000, () =>
      page.evaluate<number | null>(NAV_TIMING).then((v) => (v && v > 0 ? v : null)),
    );
    if (!cdp || !before) return { loadMs };
    const after = await metrics(cdp);
    const { profile } = await cdp.send<{ profile: CpuProfile }>('Profiler.stop');
    const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return {
      loadMs,
      scriptMs: delta('ScriptDuration'),
      taskMs: delta('TaskDuration'),
      extensionMs: profileMs(profile, (url) => url.startsWith('chrome-extension://')),
    };
  } finally {
    cdp?.close();
    await page.close();
  }
}

export interface StreamSample {
  /** Wall time to append the whole answer, ms. */
  elapsedMs: number;
  /** Chromium: main-thread task time during the stream, ms. */
  taskMs?: number;
}

export const STREAM_TOKENS = 2_000;

/** 3. A 2,000-token answer streamed into a long conversation. */
export async function streamAnswer(bench: Bench, run: string): Promise<StreamSample> {
  const page = await bench.browser.newPage();
  const cdp = await pageSession(bench, page);
  try {
    await cdp?.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(`https://${HOST}/bench/stream/${run}`);
    await sleep(SETTLE_MS);
    const before = cdp ? await metrics(cdp) : null;
    const elapsedMs = await page.evaluate<number>(`window.__ggStream(${STREAM_TOKENS})`);
    if (!cdp || !before) return { elapsedMs };
    const after = await metrics(cdp);
    return { elapsedMs, taskMs: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000 };
  } finally {
    cdp?.close();
    await page.close();
  }
}

/** The extension's service worker (Chromium). */
async function workerSession(bench: Bench): Promise<CdpSession> {
  const port = bench.debuggingPort;
  if (!port) throw new Error('no DevTools port');
  const base = bench.browser.extensionBase;
  const target = await findTarget(
    port,
    'the service worker',
    (t) => t.type === 'service_worker' && t.url.startsWith(base),
  );
  return connect(target);
}

async function heapUsed(worker: CdpSession): Promise<number> {
  await worker.send('HeapProfiler.collectGarbage');
  const { usedSize } = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return usedSize;
}

/** Sends `count` requests from the page, `parallel` at a time; every `chatEvery`-th is the chat call. */
function requestsFromPage(count: number, parallel: number, chatEvery: number): string {
  return `(async () => {
    let next = 0;
    const one = async () => {
      for (;;) {
        const i = next++;
        if (i >= ${count}) return;
        const chat = i % ${chatEvery} === 0;
        await fetch(chat ? ${JSON.stringify(CHAT_API)} : '/backend-api/me?n=' + i,
          chat ? { method: 'POST', body: '{}' } : {}).then((r) => r.text(), () => null);
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: ${parallel} }, one));
    return performance.now() - start;
  })()`;
}

export interface BackgroundSample {
  requests: number;
  /** Worker CPU time (all but idle) while they were handled, ms. */
  busyMs: number;
  heapBefore: number;
  heapAfter: number;
  sendMs: number;
}

/** 4. Background cost (Chromium): 10,000 healthy requests, every tenth the chat call. */
export async function backgroundCost(
  bench: Bench,
  site: BenchSite,
  requests = 10_000,
): Promise<BackgroundSample> {
  site.chatStatus = 200;
  const page = await bench.browser.newPage();
  const worker = await workerSession(bench);
  try {
    await page.goto(`https://${HOST}/bench/background`);
    await sleep(SETTLE_MS);
    const heapBefore = await heapUsed(worker);
    await worker.send('Profiler.enable');
    await worker.send('Profiler.setSamplingInterval', { interval: 100 });
    await worker.send('Profiler.start');
    const sendMs = await page.evaluate<number>(requestsFromPage(requests, 12, 10));
    // The last events reach the worker after their responses; let it finish them.
    await sleep(1_000);
    const { profile } = await worker.send<{ profile: CpuProfile }>('Profiler.stop');
    const heapAfter = await heapUsed(worker);
    return { requests, busyMs: profileMs(profile), heapBefore, heapAfter, sendMs };
  } finally {
    worker.close();
    await page.close();
  }
}

const DIALOG_COUNT = `[...document.documentElement.children]
  .filter((el) => el.shadowRoot)
  .reduce((n, el) => n + el.shadowRoot.querySelectorAll('[role="dialog"]').length, 0)`;

export interface StormSample {
  failing: number;
  /** First failed response's end to the notice's first frame, ms. */
  toNoticeMs: number;
  /** Last failed response's end to the notice showing the full count, ms. */
  countLagMs: number;
  countShown: number | null;
  dialogs: number;
  /** Chromium: worker CPU time during the storm, ms. */
  busyMs?: number;
}

/** 5. A storm: `failing` chat requests failing over `windowMs`, one notice with the count. */
export async function storm(
  bench: Bench,
  site: BenchSite,
  failing = 1_000,
  windowMs = 10_000,
): Promise<StormSample> {
  site.chatStatus = 200;
  const page = await bench.browser.newPage();
  const worker = bench.debuggingPort ? await workerSession(bench) : null;
  try {
    await page.goto(`https://${HOST}/bench/storm/${Date.now()}`);
    await sleep(SETTLE_MS);
    site.chatStatus = 502;
    if (worker) {
      await worker.send('Profiler.enable');
      await worker.send('Profiler.setSamplingInterval', { interval: 100 });
      await worker.send('Profiler.start');
    }
    // Evenly over the window, none awaited before the next is sent.
    await page.evaluate(`(async () => {
      window.__ggWatch();
      // Room for every request's timing entry (the default keeps 250).
      performance.setResourceTimingBufferSize(${failing} + 100);
      const start = performance.now();
      const sent = [];
      for (let i = 0; i < ${failing}; i++) {
        sent.push(fetch(${JSON.stringify(CHAT_API)}, { method: 'POST', body: '{}' })
          .then((r) => r.text(), () => null));
        const wait = ${windowMs / failing} * (i + 1) - (performance.now() - start);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      await Promise.all(sent);
    })()`);
    const ends = await page.evaluate<number[]>(
      `performance.getEntriesByName(${JSON.stringify(CHAT_URL)}).map((e) => performance.timeOrigin + e.responseEnd)`,
    );
    const seen = await waitFor('the storm notice', 15_000, () => page.evaluate<Seen | null>(SEEN));
    const countOf = (text: string) => {
      const match = /(\d[\d,.\s]*)\s+failed requests/.exec(text);
      return match?.[1] ? Number(match[1].replace(/\D/g, '')) : null;
    };
    const PANEL_TEXT = `(() => {
      const host = document.querySelector('gateway-guard-panel');
      const dialog = host && host.shadowRoot && host.shadowRoot.querySelector('[role="dialog"]');
      return dialog ? dialog.textContent.replace(/\\s+/g, ' ') : '';
    })()`;
    let countShown: number | null = null;
    let countedAt = Number.NaN;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      countShown = countOf(await page.evaluate<string>(PANEL_TEXT));
      if (countShown !== null && countShown >= failing) {
        countedAt = Date.now();
        break;
      }
      await sleep(20);
    }
    const profile = worker
      ? (await worker.send<{ profile: CpuProfile }>('Profiler.stop')).profile
      : null;
    const dialogs = await page.evaluate<number>(DIALOG_COUNT);
    return {
      failing: ends.length,
      toNoticeMs: seen.at - Math.min(...ends),
      countLagMs: countedAt - Math.max(...ends),
      countShown,
      dialogs,
      ...(profile ? { busyMs: profileMs(profile) } : {}),
    };
  } finally {
    site.chatStatus = 200;
    worker?.close();
    await page.close();
  }
}
