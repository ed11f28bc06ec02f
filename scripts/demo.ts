/**
 * `npm start`: Chromium with the freshly built extension on a simulated ChatGPT outage.
 * A local HTTPS fake plays chatgpt.com: the first load answers 502, later ones are healthy.
 * With a display the browser stays open to try it; without one it runs headless, prints
 * what happened and saves screenshots.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/harness/chromium.ts';
import { errorPage, startFakeSites } from '../test/e2e/harness/fake-sites.ts';

const root = resolve(import.meta.dirname, '..');
const shots = resolve(root, 'artifacts');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const fake = await startFakeSites();
let failuresLeft = 1;
fake.script('chatgpt.com', '/', () =>
  failuresLeft-- > 0 ? { status: 502, body: errorPage(502) } : { status: 200, body: demoPage() },
);
// The demo runs offline: there is no status page to read, so the status host is not
// reachable (the connection closes unanswered), and the panel says exactly that.
fake.script('status.openai.com', '*', { destroy: true });

const browser = await launchChromium({
  extensionDir: resolve(root, 'dist/chrome'),
  fakePort: fake.port,
  headless,
});
try {
  await browser.waitForBackground();
  const page = await browser.newPage();
  const started = Date.now();
  await page.goto('https://chatgpt.com/');
  const panel = await page.waitForPanel();
  console.log(`chatgpt.com answered 502; after ${Date.now() - started} ms the panel showed:`);
  console.log(`  "${panel.name}" with buttons: ${panel.buttons.join(', ')}`);
  mkdirSync(shots, { recursive: true });
  await new Promise((r) => setTimeout(r, 400)); // Let the panel's fade-in finish.
  await page.screenshot(resolve(shots, 'demo-panel.png'));

  if (headless) {
    await page.clickButton('Retry now');
    await page.waitForNoPanel();
    console.log('Clicked "Retry now": the site answered 200 and the panel is gone.');
    await page.screenshot(resolve(shots, 'demo-recovered.png'));
    console.log(`Screenshots: ${resolve(shots, 'demo-panel.png')} and demo-recovered.png`);
  } else {
    console.log('The browser stays open: try "Retry now". Close the browser to stop.');
    await page.waitForClose();
  }
} finally {
  await browser.close().catch(() => undefined);
  await fake.close();
}

function demoPage(): string {
  return `<!doctype html><title>ChatGPT (simulated)</title>
<main id="chat" style="font: 16px system-ui; max-width: 40rem; margin: 3rem auto">
<h1>Back online</h1><p>This is the local stand-in for chatgpt.com, healthy again.</p>
<textarea id="prompt-textarea" rows="3" cols="60" placeholder="Message"></textarea></main>`;
}
