/**
 * The simulator's control page, served by the fake sites under a name of its own
 * (https://simulator.test/; the browser reaches nothing but the fakes): it lists the
 * scenarios; picking one scripts the fakes and opens the site in a new tab, and the page
 * follows what the fakes answered.
 */
import type { FakeResponse, FakeSites } from '../../test/e2e/harness/fake-sites.ts';
import { playScenario, type RunningScenario, type TimelineEntry } from './fakes.ts';
import { SCENARIOS } from './scenarios.ts';

export const CONTROL_HOST = 'simulator.test';

export interface ControlPage {
  url: string;
  stop(): void;
}

export function serveControlPage(
  fake: FakeSites,
  quick: boolean,
  onEntry: (scenarioId: string, entry: TimelineEntry) => void = () => {},
): ControlPage {
  let running: RunningScenario | null = null;
  const send = (status: number, type: string, body: string): FakeResponse => ({
    status,
    headers: { 'content-type': type },
    body,
  });
  // Each scenario resets the fakes' scripts, so the control page registers itself again.
  const serve = () => fake.script(CONTROL_HOST, '*', handle);
  const handle = (req: { method: string; path: string }): FakeResponse => {
    const run = /^\/run\/([a-z0-9-]+)$/.exec(req.path);
    if (req.method === 'POST' && run) {
      const scenario = SCENARIOS.find((s) => s.id === run[1]);
      if (!scenario) return send(404, 'text/plain', 'no such scenario');
      running?.stop();
      running = playScenario(fake, scenario, quick, (entry) => onEntry(scenario.id, entry));
      serve();
      return send(200, 'application/json', JSON.stringify({ url: running.url }));
    }
    if (req.path === '/timeline') {
      const body = running
        ? { id: running.scenario.id, phase: running.phase().index, timeline: running.timeline }
        : { id: null, phase: -1, timeline: [] };
      return send(200, 'application/json', JSON.stringify(body));
    }
    if (req.path === '/') return send(200, 'text/html; charset=utf-8', controlPage(quick));
    return send(404, 'text/plain', 'not found');
  };
  serve();
  return {
    url: `https://${CONTROL_HOST}/`,
    stop: () => running?.stop(),
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function controlPage(quick: boolean): string {
  const items = SCENARIOS.map(
    (s) => `<li><button type="button" data-id="${s.id}">${escapeHtml(s.title)}</button>
<p>${escapeHtml(s.description)}</p></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Gateway Guard outage simulator</title>
<style>
body { font: 15px system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433 }
ul { list-style: none; padding: 0 } li { margin: 0 0 1rem }
button { font: inherit; font-weight: 600; padding: .4rem .8rem; cursor: pointer }
li p { margin: .3rem 0 0; color: #4a5468 }
#timeline { font: 13px ui-monospace, monospace; background: #f4f5f7; padding: .75rem; white-space: pre-wrap; min-height: 4rem }
</style></head>
<body>
<h1>Gateway Guard outage simulator</h1>
<p>Pick a scenario: the local fakes of the site and its status page start failing as scripted,
and the site opens in a new tab, where you can watch Gateway Guard notice the failure and bring
the chat back.${quick ? ' Quick mode: the phases are shortened.' : ''}</p>
<ul>${items}</ul>
<h2>What the fakes answered</h2>
<div id="timeline" aria-live="polite">No scenario running.</div>
<script>
for (const button of document.querySelectorAll('button[data-id]')) {
  button.onclick = async () => {
    const res = await fetch('/run/' + button.dataset.id, { method: 'POST' });
    const { url } = await res.json();
    window.open(url, '_blank');
  };
}
setInterval(async () => {
  const { id, timeline } = await (await fetch('/timeline')).json();
  if (!id) return;
  document.getElementById('timeline').textContent = id + '\\n' + timeline
    .map((e) => ('+' + (e.atMs / 1000).toFixed(1) + ' s').padStart(9) + '  ' + e.who.padEnd(9) + ' ' + e.what)
    .join('\\n');
}, 1000);
</script>
</body>
</html>
`;
}
