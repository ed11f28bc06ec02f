/**
 * The simulator's control page, on a local address of its own (plain HTTP on 127.0.0.1,
 * apart from the fake sites, which answer only under the sites' real names): it lists the
 * scenarios; picking one scripts the fakes and opens the site in a new tab, and the page
 * follows what the fakes answered.
 */
import { createServer } from 'node:http';
import type { FakeSites } from '../../test/e2e/harness/fake-sites.ts';
import { playScenario, type RunningScenario, type TimelineEntry } from './fakes.ts';
import { SCENARIOS } from './scenarios.ts';

export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

export async function startControlServer(
  fake: FakeSites,
  quick: boolean,
  onEntry: (scenarioId: string, entry: TimelineEntry) => void = () => {},
): Promise<ControlServer> {
  let running: RunningScenario | null = null;

  const server = createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const run = /^\/run\/([a-z0-9-]+)$/.exec(req.url ?? '');
    if (req.method === 'POST' && run) {
      const scenario = SCENARIOS.find((s) => s.id === run[1]);
      if (!scenario) return send(404, 'text/plain', 'no such scenario');
      running?.stop();
      running = playScenario(fake, scenario, quick, (entry) => onEntry(scenario.id, entry));
      return send(200, 'application/json', JSON.stringify({ url: running.url }));
    }
    if (req.url === '/timeline') {
      const body = running
        ? { id: running.scenario.id, phase: running.phase().index, timeline: running.timeline }
        : { id: null, phase: -1, timeline: [] };
      return send(200, 'application/json', JSON.stringify(body));
    }
    if (req.url === '/') return send(200, 'text/html; charset=utf-8', controlPage(quick));
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('control page: no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      running?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
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
