/**
 * Headless mode: plays every scenario in turn in one browser, watching the tab as a user
 * would (where it is, the panel, its status line, automatic retry, the chat coming back),
 * prints the timeline and saves screenshots. A scenario passes when the extension showed
 * every sign the scenario expects before its deadline.
 */
import { mkdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  isBrowserErrorPage,
  type TestBrowser,
  type TestPage,
} from '../../test/e2e/harness/browsers.ts';
import type { FakeSites } from '../../test/e2e/harness/fake-sites.ts';
import { sleep } from '../../test/e2e/harness/test-page.ts';
import { playScenario, type TimelineEntry } from './fakes.ts';
import {
  type Scenario,
  SIM_SITES,
  type Sign,
  secondsToHealed,
  secondsToLastPhase,
} from './scenarios.ts';

const POLL_MS = 250;
/** After the last phase begins: time for automatic recovery to notice (about a minute in store builds). */
const GRACE_S = { quick: 45, full: 100 };

export function formatEntry(entry: TimelineEntry): string {
  const at = `+${(entry.atMs / 1000).toFixed(1)} s`.padStart(9);
  return `${at}  ${entry.who.padEnd(9)} ${entry.what}`;
}

/** What the tab shows, as far as the timeline cares. */
interface View {
  where: string;
  panel: string | null;
  statusLine: string | null;
  retry: string | null;
  simPage: boolean;
  answer: string | null;
}

/** "ChatGPT status: Major outage", "Status unknown", ... as the panel words it. */
function statusLineOf(text: string): string | null {
  const match =
    /(\b[A-Z][\w.]*(?: [A-Z][\w.]*)? status: [A-Z][a-z]+(?: [a-z]+)?)|(Status unknown)/.exec(text);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function retryOf(text: string): string | null {
  const outage = /\b(\S+ reports a major outage since [\d:]+(?: [AP]M)?)/.exec(text);
  if (outage)
    return `automatic retry, as the panel says: "${outage[1]}; checks about once a minute"`;
  if (/about once a minute/.test(text)) return 'automatic retry: about once a minute';
  if (/Checking again in \d+ s/.test(text)) return 'automatic retry counting down';
  if (/Automatic retry stopped/.test(text)) return 'automatic retry stopped';
  return null;
}

async function look(page: TestPage, browser: TestBrowser): Promise<View> {
  const url = page.url();
  const where = url.startsWith(browser.extensionBase)
    ? 'the recovery page'
    : isBrowserErrorPage(url)
      ? "the browser's own error page"
      : url;
  const panel = await page.panel().catch(() => null);
  const sim = await page
    .evaluate<{ page: string | null; answer: string | null } | null>(
      `({ page: document.body?.dataset.simPage ?? null, answer: document.getElementById('answer')?.dataset.state ?? null })`,
    )
    .catch(() => null);
  return {
    where,
    panel: panel ? panel.name : null,
    statusLine: panel ? statusLineOf(panel.text) : null,
    retry: panel ? retryOf(panel.text) : null,
    simPage: sim?.page === 'chat',
    answer: sim?.answer ?? null,
  };
}

export interface ScenarioResult {
  scenario: Scenario;
  passed: boolean;
  missing: Sign[];
  screenshots: string[];
}

async function runOne(
  browser: TestBrowser,
  fake: FakeSites,
  scenario: Scenario,
  quick: boolean,
  shots: string,
  print: (line: string) => void,
): Promise<ScenarioResult> {
  print(`\n[${scenario.id}] ${scenario.title}`);
  const site = SIM_SITES[scenario.site];
  const chat = scenario.expect.includes('notice');
  const page = await browser.newPage();
  const run = playScenario(fake, scenario, quick, (entry) => print(formatEntry(entry)));
  const seen = new Set<Sign>();
  const screenshots: string[] = [];
  const shoot = async (name: string) => {
    const file = resolve(shots, `${scenario.id}-${name}.png`);
    await page.screenshot(file).catch(() => undefined);
    screenshots.push(file);
  };
  const healedAt = run.startedAt + secondsToHealed(scenario, quick) * 1000;
  const deadline =
    run.startedAt +
    (secondsToLastPhase(scenario, quick) + GRACE_S[quick ? 'quick' : 'full']) * 1000;
  let last: View | null = null;
  let lastRetryClick = 0;
  let rescueShot = false;
  try {
    run.log('user', `opens ${run.url}`);
    await page.goto(run.url);
    while (Date.now() < deadline) {
      const view = await look(page, browser);
      if (view.where !== last?.where) run.log('extension', `the tab shows ${view.where}`);
      if (view.panel !== (last?.panel ?? null)) {
        const kind = view.simPage ? 'notice over the chat' : 'panel';
        run.log('extension', view.panel ? `${kind}: "${view.panel}"` : 'the panel is gone');
      }
      if (view.statusLine && view.statusLine !== last?.statusLine) {
        run.log('extension', `the panel says "${view.statusLine}"`);
      }
      if (view.retry && view.retry !== last?.retry) run.log('extension', view.retry);
      if (chat && view.answer !== last?.answer && view.answer) {
        run.log('extension', `the chat's answer: ${view.answer}`);
      }
      last = view;

      const onSite = view.where.startsWith(`https://${site.host}/`);
      if (view.panel && onSite && !view.simPage) seen.add('panel');
      if (view.panel && view.where === 'the recovery page') seen.add('recovery-page');
      if (view.panel && onSite && view.simPage) seen.add('notice');
      const text = view.panel ? ((await page.panel().catch(() => null))?.text ?? '') : '';
      if (text.includes(scenario.statusText)) seen.add('status');
      if (
        view.retry === 'automatic retry counting down' ||
        view.retry?.startsWith('automatic retry')
      ) {
        seen.add('auto-retry');
      }
      const probed = fake.requests.some(
        (r) => r.host === site.host && r.method === 'HEAD' && r.time >= run.startedAt,
      );
      if (probed) seen.add('auto-retry');
      if (
        !rescueShot &&
        view.panel &&
        (seen.has('status') || !scenario.expect.includes('status'))
      ) {
        rescueShot = true;
        await sleep(400); // Let the panel's fade-in finish.
        await shoot('rescue');
      }

      // The chat scenario: once the site works again, the user retries the failed answer
      // from the notice (the extension hands that to the site's own Regenerate button).
      if (chat && Date.now() >= healedAt && view.panel && Date.now() - lastRetryClick > 4000) {
        lastRetryClick = Date.now();
        const named = (await page.panel().catch(() => null))?.buttons.find((b) => /^Retry/.test(b));
        if (named) {
          run.log('user', `clicks "${named}" on the notice`);
          await page.clickButton(named).catch(() => undefined);
        }
      }

      const working =
        onSite && view.simPage && !view.panel && (!chat || view.answer === 'complete');
      if (working && Date.now() >= healedAt && !seen.has('back')) {
        seen.add('back');
        run.log(
          'extension',
          chat ? 'back to the chat: the answer arrived in full' : 'back to the chat',
        );
        await shoot('back');
      }
      if (seen.has('back') && scenario.expect.every((sign) => seen.has(sign))) break;
      await sleep(POLL_MS);
    }
    if (!rescueShot) await shoot('end');
  } finally {
    run.stop();
    await page.close().catch(() => undefined);
  }
  const missing = scenario.expect.filter((sign) => !seen.has(sign));
  const names = screenshots.map((file) => relative(process.cwd(), file)).join(', ');
  print(
    missing.length === 0
      ? `  PASS: ${scenario.expect.join(', ')} (screenshots: ${names})`
      : `  FAIL: never saw ${missing.join(', ')} (screenshots: ${names})`,
  );
  return { scenario, passed: missing.length === 0, missing, screenshots };
}

/** Plays `scenarios` one after another; true when every one ended as expected. */
export async function runHeadless(
  browser: TestBrowser,
  fake: FakeSites,
  scenarios: readonly Scenario[],
  {
    quick,
    shots,
    print = console.log,
  }: { quick: boolean; shots: string; print?: (line: string) => void },
): Promise<boolean> {
  mkdirSync(shots, { recursive: true });
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    results.push(await runOne(browser, fake, scenario, quick, shots, print));
  }
  const passed = results.filter((r) => r.passed).length;
  print(`\n${passed}/${results.length} scenarios ended as expected.`);
  for (const r of results.filter((r) => !r.passed)) {
    print(`  ${r.scenario.id}: never saw ${r.missing.join(', ')}`);
  }
  return passed === results.length;
}
