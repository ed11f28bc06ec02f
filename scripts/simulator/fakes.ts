/**
 * Plays a scenario on the fake sites of the end-to-end harness: the site's answers and its
 * status page follow the scenario's phases, and every request is written to the timeline.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorPage, type FakeResponse, type FakeSites } from '../../test/e2e/harness/fake-sites.ts';
import {
  describeAnswer,
  type Phase,
  phaseAt,
  phaseSeconds,
  type Scenario,
  SIM_SITES,
  type SimSite,
  STATUS_WORDS,
  type StatusReport,
} from './scenarios.ts';

const REAL = resolve(import.meta.dirname, '../../test/fixtures/real');
/** The moment the real-format fixtures describe (see test/fixtures/real/README.md). */
const FIXTURES_READ_AT = Date.UTC(2026, 10, 20, 12, 0, 0);
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * A fixture moved to now: every timestamp shifted by the same amount, so an incident that
 * began 20 minutes before the fixture's moment began 20 minutes ago (a status reader
 * judges how recent things are).
 */
function fixture(file: string): string {
  const shift = Date.now() - FIXTURES_READ_AT;
  return readFileSync(resolve(REAL, file), 'utf8').replace(ISO_TIME, (time) =>
    new Date(Date.parse(time) + shift).toISOString(),
  );
}

const json = (body: string): FakeResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body,
});

/** Each simulated site's status documents, by what they report. */
const STATUS_PAGES: Record<
  SimSite,
  { host: string; paths: Record<string, Record<StatusReport, string>> }
> = {
  chatgpt: {
    host: 'status.openai.com',
    paths: {
      '/api/v2/summary.json': {
        operational: 'incidentio-openai-summary-operational.json',
        // A capture without the chat's component: the page's indicator (minor) speaks.
        degraded: 'incidentio-openai-summary-no-conversations.json',
        'major-outage': 'incidentio-openai-summary-conversations-outage.json',
      },
      '/api/v2/incidents.json': {
        operational: 'incidentio-openai-incidents.json',
        degraded: 'incidentio-openai-incidents.json',
        'major-outage': 'incidentio-openai-incidents.json',
      },
    },
  },
  claude: {
    host: 'status.claude.com',
    paths: {
      '/api/v2/summary.json': {
        operational: 'statuspage-claude-summary-operational.json',
        degraded: 'statuspage-claude-summary-chat-degraded.json',
        'major-outage': 'statuspage-claude-summary-chat-major.json',
      },
    },
  },
};

/**
 * The other sites' status pages, all clear: the panel's "working right now" list reads
 * them, and no status page in the simulator goes unanswered.
 */
const OTHER_STATUS_PAGES: ReadonlyArray<readonly [string, string, string]> = [
  ['status.poe.com', '/api/v2/status.json', 'statuspage-poe-status.json'],
  ['status.huggingface.co', '/index.json', 'betterstack-huggingface-index-operational.json'],
];

export interface TimelineEntry {
  /** Milliseconds since the scenario started. */
  atMs: number;
  who: 'fake' | 'extension' | 'user';
  what: string;
}

export interface RunningScenario {
  scenario: Scenario;
  startedAt: number;
  url: string;
  /** The phase now playing. */
  phase(): { index: number; phase: Phase };
  log(who: TimelineEntry['who'], what: string): void;
  readonly timeline: readonly TimelineEntry[];
  stop(): void;
}

/**
 * Resets the fakes and plays `scenario` from now: every phase change and every request the
 * site or its status page gets goes to the timeline.
 */
export function playScenario(
  fake: FakeSites,
  scenario: Scenario,
  quick: boolean,
  onEntry: (entry: TimelineEntry) => void = () => {},
): RunningScenario {
  const site = SIM_SITES[scenario.site];
  const startedAt = Date.now();
  const timeline: TimelineEntry[] = [];
  const log = (who: TimelineEntry['who'], what: string) => {
    const entry = { atMs: Date.now() - startedAt, who, what };
    timeline.push(entry);
    onEntry(entry);
  };
  const current = () => phaseAt(scenario, (Date.now() - startedAt) / 1000, quick);

  fake.reset();
  for (const [host, path, file] of OTHER_STATUS_PAGES)
    fake.script(host, path, () => json(fixture(file)));

  // Both simulated sites' status pages answer in every scenario: a panel also reads the
  // other site's page (its "working right now" list), and a reading is kept for a while.
  let statusLogged: StatusReport | null = null;
  for (const [id, statusPage] of Object.entries(STATUS_PAGES)) {
    const ours = id === scenario.site;
    for (const [path, byReport] of Object.entries(statusPage.paths)) {
      fake.script(statusPage.host, path, () => {
        const report = ours ? current().phase.status : 'operational';
        // Read every few seconds while the site is watched: say so when the answer changes.
        if (ours && report !== statusLogged && path.endsWith('summary.json')) {
          statusLogged = report;
          log('fake', `${statusPage.host} reports: ${STATUS_WORDS[report]}`);
        }
        return json(fixture(byReport[report]));
      });
    }
  }

  fake.script(site.host, '*', (req) => {
    const { phase } = current();
    if (req.path === '/favicon.ico') return { status: 404, body: '' };
    if (req.path === site.chatApi) {
      const breaks = phase.site.kind === 'chat-breaks';
      log('fake', `chat answer ${breaks ? 'breaks off mid-stream' : 'streams in full'}`);
      return chatAnswer(breaks);
    }
    const probe = req.method === 'HEAD';
    const answer = phase.site.kind === 'chat-breaks' ? { kind: 'healthy' as const } : phase.site;
    log(
      'fake',
      `${probe ? 'check (HEAD)' : `${req.method} ${req.path}`} answered: ${describeAnswer(answer)}`,
    );
    switch (answer.kind) {
      case 'healthy':
        return { status: 200, body: chatPage(scenario) };
      case 'html-error':
        return { status: answer.status, body: errorPage(answer.status) };
      case 'empty-error':
        return {
          status: answer.status,
          headers: answer.retryAfterS ? { 'retry-after': String(answer.retryAfterS) } : {},
          body: '',
        };
      case 'reset':
        return { reset: true };
    }
  });

  const timers: NodeJS.Timeout[] = [];
  let at = 0;
  for (const [index, phase] of scenario.phases.entries()) {
    const announce = () =>
      log(
        'fake',
        `phase ${index + 1}/${scenario.phases.length}: ${phase.note} (${site.host}: ${describeAnswer(phase.site)}; status page: ${STATUS_WORDS[phase.status]})`,
      );
    if (index === 0) announce();
    else timers.push(setTimeout(announce, at * 1000));
    at += phaseSeconds(phase, quick);
  }

  return {
    scenario,
    startedAt,
    url: `https://${site.host}${scenario.path}`,
    phase: () => current(),
    log,
    timeline,
    stop() {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}

const ANSWER_WORDS = [
  'Gateway',
  ' errors',
  ' come',
  ' and',
  ' go;',
  ' your',
  ' draft',
  ' and',
  ' this',
  ' conversation',
  ' stay',
  ' where',
  ' they',
  ' are.',
];

/** The chat's answer as a server-sent event stream; `breaks`: only its first part arrives. */
function chatAnswer(breaks: boolean): FakeResponse {
  const events = ANSWER_WORDS.map((word) => `data: ${JSON.stringify({ text: word })}\n\n`);
  const body = `${events.join('')}data: [DONE]\n\n`;
  const half = events.slice(0, 5).join('').length;
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
    body,
    ...(breaks ? { cutAfterBytes: half } : {}),
  };
}

/**
 * The simulated chat page: a conversation and a composer. In the chat scenario it asks a
 * question on load, streams the answer in, and, as the real site does, prints "Error in
 * message stream" with a Regenerate button when the stream breaks.
 */
function chatPage(scenario: Scenario): string {
  const site = SIM_SITES[scenario.site];
  const askOnLoad = scenario.phases.some((phase) => phase.site.kind === 'chat-breaks');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${site.name} (simulated)</title>
<style>
body { font: 16px system-ui, sans-serif; margin: 0; background: #f7f7f8; color: #202123 }
main { max-width: 42rem; margin: 2rem auto; padding: 0 1rem }
.msg { background: #fff; border-radius: 12px; padding: .75rem 1rem; margin: .75rem 0 }
.err { color: #b42318 }
textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem }
</style></head>
<body data-sim-page="chat">
<main id="chat">
<h1>${site.name} (simulated)</h1>
<p>The outage simulator's stand-in for ${site.host}: ${scenario.title}.</p>
<div class="msg"><b>You:</b> Why do gateway errors happen?</div>
<div class="msg" id="answer" data-state="idle"><b>${site.name}:</b> <span id="answer-text"></span></div>
<form onsubmit="return false"><textarea id="prompt-textarea" rows="3" placeholder="Message ${site.name}"></textarea></form>
</main>
<script>
const api = ${JSON.stringify(site.chatApi)};
const answer = document.getElementById('answer');
const text = document.getElementById('answer-text');
async function ask() {
  answer.dataset.state = 'streaming';
  text.textContent = '';
  document.querySelector('.err')?.remove();
  try {
    const res = await fetch(api, { method: 'POST', body: '{"q":"gateway errors"}' });
    if (!res.ok) throw new Error(String(res.status));
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const events = buffer.split('\\n\\n');
      buffer = events.pop();
      for (const event of events) {
        const data = event.replace(/^data: /, '');
        if (data === '[DONE]') answer.dataset.state = 'complete';
        else text.textContent += JSON.parse(data).text;
      }
    }
    if (answer.dataset.state !== 'complete') throw new Error('cut');
  } catch {
    answer.dataset.state = 'failed';
    const note = document.createElement('div');
    note.className = 'msg err';
    note.textContent = 'Error in message stream ';
    const again = document.createElement('button');
    again.type = 'button';
    again.dataset.testid = 'regenerate-button';
    again.textContent = 'Regenerate';
    again.onclick = ask;
    note.append(again);
    answer.after(note);
  }
}
${askOnLoad ? 'ask();' : ''}
</script>
</body>
</html>
`;
}
