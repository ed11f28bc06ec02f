/**
 * `npm run bench`, second part: what Gateway Guard costs and how fast it helps in real
 * Chromium and Firefox, against the end-to-end fake sites, with the store builds
 * (`dist/`). Prints median, p95, min and max per measurement and the ratios to a browser
 * with a bare extension, and writes the same as JSON to `artifacts/bench/`. It never
 * fails on a timing.
 *
 *   BENCH_RUNS=3 tsx bench/browser/run.ts      fewer runs while developing (default 20)
 *   BENCH_BROWSERS=chromium tsx bench/…        one browser (else E2E_BROWSERS, else both)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { type BrowserName, browserNames, launchBrowser } from '../../test/e2e/harness/browsers.ts';
import { healthyPageBytes, packageBytes } from '../../test/e2e/harness/extension-bytes.ts';
import { type FakeSites, startFakeSites } from '../../test/e2e/harness/fake-sites.ts';
import { writeBaselineExtension } from './baseline-extension.ts';
import { freePort } from './cdp.ts';
import {
  type Bench,
  BenchSite,
  backgroundCost,
  HOST,
  healthyLoad,
  type LoadSample,
  STREAM_TOKENS,
  type StreamSample,
  storm,
  streamAnswer,
  timeToCompactNotice,
  timeToPagePanel,
  timeToRecoveryPanel,
} from './measure.ts';
import { type Row, ratioInterval, type Summary, summarize, table } from './stats.ts';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 20) || 20);
const root = resolve(import.meta.dirname, '../..');
const distOf = (name: BrowserName) =>
  resolve(root, 'dist', name === 'chromium' ? 'chrome' : 'firefox');

const errors: string[] = [];
const log = (message: string) => console.log(`[bench] ${message}`);

/** Runs `fn` `runs` times; a run that throws is reported and left out. */
async function repeat<T>(
  what: string,
  runs: number,
  fn: (run: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  for (let run = 0; run < runs; run++) {
    try {
      out.push(await fn(run));
    } catch (error) {
      errors.push(`${what}, run ${run + 1}: ${String(error).split('\n')[0]}`);
    }
  }
  return out;
}

const ms = (goalMedian: number, goalP95: number) => (s: Summary) =>
  s.n > 0 && s.median <= goalMedian && s.p95 <= goalP95;
const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

async function launch(name: BrowserName, extensionDir: string, fake: FakeSites) {
  const debuggingPort = name === 'chromium' ? await freePort() : undefined;
  const browser = await launchBrowser(name, { extensionDir, fakePort: fake.port, debuggingPort });
  await browser.waitForBackground();
  return { browser, ...(debuggingPort ? { debuggingPort } : {}) } satisfies Bench;
}

async function benchBrowser(name: BrowserName): Promise<{ version: string; rows: Row[] }> {
  const rows: Row[] = [];
  const add = (row: Omit<Row, 'browser'>) => rows.push({ browser: name, ...row });
  const chromium = name === 'chromium';
  const fake = await startFakeSites();
  const site = new BenchSite(fake);
  const open: Bench[] = [];
  try {
    const gg = await launch(name, distOf(name), fake);
    open.push(gg);
    const version = gg.browser.version;
    log(`${version}: time to help, ${RUNS} runs each`);

    // 1. Time to help.
    const tab = await gg.browser.newPage();
    const pageHelp = await repeat('in-page panel', RUNS, (run) => timeToPagePanel(tab, run));
    const pagePanel = summarize(pageHelp.map((h) => h.totalMs));
    add({
      measure: 'time to help: in-page panel (HTML 502)',
      unit: 'ms',
      summary: pagePanel,
      goal: 'median ≤ 50, p95 ≤ 150',
      met: ms(50, 150)(pagePanel),
    });
    add({
      measure: 'in-page panel: of it, response end to document parsed',
      unit: 'ms',
      summary: summarize(pageHelp.map((h) => h.browserMs)),
      note: "mostly the browser's: committing the load, making the document",
    });
    add({
      measure: 'in-page panel: of it, document parsed to panel',
      unit: 'ms',
      summary: summarize(pageHelp.map((h) => h.totalMs - h.browserMs)),
      note: "the extension's share",
    });
    const compact = summarize(
      await repeat('compact notice', RUNS, (run) => timeToCompactNotice(tab, site, run)),
    );
    add({
      measure: 'time to help: compact notice (chat 502)',
      unit: 'ms',
      summary: compact,
      goal: 'median ≤ 50, p95 ≤ 150',
      met: ms(50, 150)(compact),
    });
    const recovery = summarize(
      await repeat('recovery page', RUNS, async (run) => {
        const page = await gg.browser.newPage();
        try {
          return await timeToRecoveryPanel(gg, page, site, run);
        } finally {
          await page.close();
        }
      }),
    );
    add({
      measure: 'time to help: recovery page (empty 502)',
      unit: 'ms',
      summary: recovery,
      note: 'as measured (to first contentful paint)',
    });
    await tab.close();

    // 2. Cost on a healthy page: bytes.
    const bytes = healthyPageBytes(distOf(name));
    add({
      measure: `healthy page: script loaded (${bytes.files.length} files)`,
      unit: 'B',
      value: bytes.gzip,
      goal: '≤ 6 KB',
      met: bytes.gzip <= 6 * 1024,
    });
    add({
      measure: 'whole extension',
      unit: 'B',
      value: packageBytes(distOf(name)).gzip,
      note: 'budget in npm test',
    });

    // 2 and 3, run by turns in three browsers: Gateway Guard, an extension with no content
    // script (the goal's baseline), and one whose content script only watches the page.
    const bare = await launch(name, await writeBaselineExtension(name, 'bare', HOST), fake);
    open.push(bare);
    const watcher = await launch(name, await writeBaselineExtension(name, 'watcher', HOST), fake);
    open.push(watcher);
    const contenders = { gg, bare, watcher };
    type Contender = keyof typeof contenders;
    const compare = async <T>(what: string, fn: (bench: Bench, run: string) => Promise<T>) => {
      const out: Record<Contender, T[]> = { gg: [], bare: [], watcher: [] };
      const names = Object.keys(contenders) as Contender[];
      await repeat(what, RUNS, async (run) => {
        // Turn which goes first, so none always meets a warmer machine.
        for (let i = 0; i < names.length; i++) {
          const who = names[(run + i) % names.length] as Contender;
          out[who].push(await fn(contenders[who], `${who}-${run}-${Date.now()}`));
        }
      });
      return out;
    };
    /** The three medians and their ratios: to the goal's baseline, and to the floor. */
    const ratios = (
      label: string,
      unit: string,
      samples: Record<Contender, number[]>,
      goal: string | null,
    ) => {
      const gg = summarize(samples.gg);
      const bare = summarize(samples.bare);
      const watcher = summarize(samples.watcher);
      add({ measure: `${label}, with Gateway Guard`, unit, summary: gg });
      add({ measure: `${label}, bare extension`, unit, summary: bare });
      add({ measure: `${label}, bare watcher`, unit, summary: watcher });
      const toBare = ratio(gg.median, bare.median);
      const [low, high] = ratioInterval(samples.gg, samples.bare);
      add({
        measure: `${label}: ratio to bare (medians)`,
        unit: 'ratio',
        value: toBare,
        ...(goal ? { goal: `≤ ${goal}`, met: toBare <= Number(goal) } : {}),
        note: `95 % interval ${low.toFixed(2)}–${high.toFixed(2)}`,
      });
      add({
        measure: `${label}: bare watcher to bare`,
        unit: 'ratio',
        value: ratio(watcher.median, bare.median),
        note: 'what watching the page costs any extension',
      });
      add({
        measure: `${label}: ratio to bare watcher`,
        unit: 'ratio',
        value: ratio(gg.median, watcher.median),
        note: 'what Gateway Guard adds to that',
      });
    };
    const of = <T>(samples: Record<Contender, T[]>, pick: (s: T) => number | undefined) =>
      Object.fromEntries(
        Object.entries(samples).map(([who, list]) => [who, list.map((s) => pick(s) ?? Number.NaN)]),
      ) as Record<Contender, number[]>;

    log(`${version}: healthy page loads, ${RUNS} runs in each of 3 browsers`);
    const loads = await compare<LoadSample>('healthy load', healthyLoad);
    ratios(
      'healthy page load',
      'ms',
      of(loads, (s) => s.loadMs),
      '1.03',
    );
    if (chromium) {
      const extension = summarize(loads.gg.map((s) => s.extensionMs ?? Number.NaN));
      add({
        measure: 'healthy page: main thread in extension code',
        unit: 'ms',
        summary: extension,
        note: 'CPU profile, chrome-extension:// functions',
      });
      const taskWith = summarize(loads.gg.map((s) => s.taskMs ?? Number.NaN));
      const taskWithout = summarize(loads.bare.map((s) => s.taskMs ?? Number.NaN));
      add({ measure: 'healthy page: task time, with', unit: 'ms', summary: taskWith });
      add({ measure: 'healthy page: task time, bare', unit: 'ms', summary: taskWithout });
      add({
        measure: 'healthy page: main thread added (median task Δ)',
        unit: 'ms',
        value: taskWith.median - taskWithout.median,
      });
    } else {
      add({
        measure: 'healthy page: main thread in extension code',
        unit: 'ms',
        note: 'not measured (no CDP in Firefox)',
      });
    }

    log(`${version}: ${STREAM_TOKENS}-token answer streams, ${RUNS} runs in each of 3 browsers`);
    const streams = await compare<StreamSample>('stream', streamAnswer);
    // Chromium: the main thread's busy time; Firefox lets automation read only wall time.
    const streamed = of(streams, (s) => (chromium ? s.taskMs : s.elapsedMs));
    ratios(chromium ? 'stream: main-thread busy' : 'stream: elapsed', 'ms', streamed, '1.02');
    const added = (summarize(streamed.gg).median - summarize(streamed.bare).median) / STREAM_TOKENS;
    const floor =
      (summarize(streamed.watcher).median - summarize(streamed.bare).median) / STREAM_TOKENS;
    add({
      measure: 'stream: time added per token, Gateway Guard',
      unit: 'µs',
      value: added * 1000,
      note: `bare watcher: ${(floor * 1000).toFixed(1)} µs (both over bare)`,
    });
    for (const bench of [bare, watcher]) {
      await bench.browser.close();
      open.splice(open.indexOf(bench), 1);
    }

    // 4. Background cost.
    if (chromium) {
      log(`${version}: 10,000 healthy requests`);
      const [background] = await repeat('background', 1, () => backgroundCost(gg, site));
      if (background) {
        add({
          measure: 'background: worker CPU per healthy request',
          unit: 'µs',
          value: (background.busyMs * 1000) / background.requests,
          note: `${background.requests} requests, every 10th the chat call`,
        });
        add({
          measure: 'background: worker heap before',
          unit: 'KB',
          value: background.heapBefore / 1024,
        });
        add({
          measure: 'background: worker heap after',
          unit: 'KB',
          value: background.heapAfter / 1024,
        });
      }
    } else {
      add({
        measure: 'background: per request, heap',
        unit: '',
        note: 'not measured (Firefox lets automation into no extension background)',
      });
    }

    // 5. A storm.
    log(`${version}: a storm of 1,000 failing chat requests in 10 s`);
    const [blast] = await repeat('storm', 1, () => storm(gg, site));
    if (blast) {
      add({
        measure: 'storm: first failure to the one notice',
        unit: 'ms',
        value: blast.toNoticeMs,
      });
      add({
        measure: 'storm: last failure to the count shown',
        unit: 'ms',
        value: blast.countLagMs,
      });
      add({
        measure: 'storm: count shown / failed requests',
        unit: 'count',
        value: blast.countShown ?? Number.NaN,
        goal: `= ${blast.failing}`,
        met: blast.countShown === blast.failing,
      });
      add({
        measure: 'storm: dialogs on the page',
        unit: 'count',
        value: blast.dialogs,
        goal: '= 1',
        met: blast.dialogs === 1,
      });
      if (blast.busyMs !== undefined) {
        add({
          measure: 'storm: worker CPU per failing event',
          unit: 'µs',
          value: (blast.busyMs * 1000) / blast.failing,
          note: `≈ ${Math.round(blast.failing / (blast.busyMs / 1000))} events/s of worker time`,
        });
      }
    }
    return { version, rows };
  } finally {
    for (const bench of open) await bench.browser.close().catch(() => undefined);
    await fake.close();
  }
}

async function main() {
  if (process.env.BENCH_BROWSERS) process.env.E2E_BROWSERS = process.env.BENCH_BROWSERS;
  const names = browserNames();
  const load = loadavg().map((l) => l.toFixed(2));
  log(`${RUNS} runs per measurement; load average ${load.join(' ')} on ${cpus().length} cores`);
  const versions: Record<string, string> = {};
  const rows: Row[] = [];
  for (const name of names) {
    try {
      const result = await benchBrowser(name);
      versions[name] = result.version;
      rows.push(...result.rows);
    } catch (error) {
      errors.push(`${name}: ${String(error).split('\n')[0]}`);
    }
  }
  console.log('');
  console.log(
    `Real browsers (${Object.values(versions).join(', ')}), ${RUNS} runs each, store builds`,
  );
  console.log(table(rows));
  const loadAfter = loadavg().map((l) => l.toFixed(2));
  console.log(
    `Load average: ${load.join(' ')} before, ${loadAfter.join(' ')} after (${cpus().length} cores).`,
  );
  if (errors.length > 0) {
    console.log(`\n${errors.length} run(s) failed and were left out:`);
    for (const error of errors) console.log(`  ${error}`);
    process.exitCode = 1;
  }
  const out = resolve(root, 'artifacts/bench');
  await mkdir(out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = JSON.stringify(
    {
      at: new Date().toISOString(),
      runs: RUNS,
      browsers: versions,
      machine: { cores: cpus().length, loadBefore: load, loadAfter },
      rows,
      errors,
    },
    null,
    2,
  );
  await writeFile(resolve(out, `browser-${stamp}.json`), json);
  await writeFile(resolve(out, 'browser-latest.json'), json);
  log(`written to artifacts/bench/browser-${stamp}.json (and browser-latest.json)`);
}

void main().then(() => process.exit());
