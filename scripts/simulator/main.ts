/**
 * `npm start`: the outage simulator. Local HTTPS fakes play the chat sites and their status
 * pages under their real names; Chromium runs with the freshly built extension.
 *
 * With a display: the control page opens, where a user picks a scenario and watches the
 * rescue in the tab it opens; closing the browser stops it. Without one (or `--headless`):
 * every scenario runs in turn, the timeline is printed, screenshots go to
 * artifacts/simulator/, and the exit code says whether every scenario ended as expected.
 *
 * Options: `--headless`; `--quick` (shortened phases, and the test build from dist-test/
 * when there is one, whose waits are shorter too); `--only=id,id` (scenario ids);
 * `--extension=dir` (another unpacked build).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../../test/e2e/harness/chromium.ts';
import { startFakeSites } from '../../test/e2e/harness/fake-sites.ts';
import { serveControlPage } from './control.ts';
import { formatEntry } from './headless.ts';
import { SCENARIOS } from './scenarios.ts';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const option = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const headless =
  args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const quick = args.includes('--quick');
const testBuild = resolve(root, 'dist-test/chrome');
const extensionDir = resolve(
  root,
  option('extension') ?? (quick && existsSync(testBuild) ? testBuild : 'dist/chrome'),
);
const only = option('only')?.split(',');
const scenarios = only ? SCENARIOS.filter((s) => only.includes(s.id)) : SCENARIOS;
const unknown = only?.filter((id) => !SCENARIOS.some((s) => s.id === id)) ?? [];
if (unknown.length > 0 || scenarios.length === 0) {
  console.error(`Unknown scenario(s): ${unknown.join(', ')}`);
  console.error(`Known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  process.exit(2);
}
if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
  console.error(`No built extension in ${extensionDir}: run npm run build (or build:test) first.`);
  process.exit(2);
}

const fake = await startFakeSites();
const browser = await launchChromium({ extensionDir, fakePort: fake.port, headless });
let ok = true;
try {
  console.log(`${browser.version}, extension from ${extensionDir}${quick ? ', quick mode' : ''}`);
  await browser.waitForBackground();
  if (headless) {
    const { runHeadless } = await import('./headless.ts');
    ok = await runHeadless(browser, fake, scenarios, {
      quick,
      shots: resolve(root, 'artifacts/simulator'),
    });
  } else {
    const control = serveControlPage(fake, quick, (id, entry) =>
      console.log(`[${id}] ${formatEntry(entry)}`),
    );
    try {
      const page = await browser.newPage();
      await page.goto(control.url);
      console.log(`The simulator is open at ${control.url}: pick a scenario there.`);
      console.log('Close the browser to stop.');
      await page.waitForClose();
    } finally {
      control.stop();
    }
  }
} finally {
  await browser.close().catch(() => undefined);
  await fake.close();
}
process.exit(ok ? 0 : 1);
