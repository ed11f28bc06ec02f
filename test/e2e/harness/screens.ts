/**
 * Every screen a user sees, opened from the real extension on the fake sites: the in-page
 * panel, the compact notice, the recovery page, the popup, the options page and the welcome
 * page (and its demo panel). Shared by the layout test (screens.e2e.test.ts) and
 * `npm run screenshots`.
 */
import {
  incidentIoSummary,
  summaryMajorOutage,
} from '../../../src/shared/status/fixtures/statuspage.ts';
import type { TestBrowser, TestPage } from './browsers.ts';
import { PING_PAGE } from './extension-page.ts';
import type { FakeSites } from './fake-sites.ts';
import { errorPage } from './fake-sites.ts';
import { waitForAnimations } from './fixture.ts';
import { pollFor } from './test-page.ts';

export const SCREENS = [
  'panel',
  'compact',
  'recovery',
  'popup',
  'options',
  'welcome',
  'welcome-demo',
] as const;
export type Screen = (typeof SCREENS)[number];

/** The languages the extension ships, as the browser's --lang names them. */
export const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'zh-CN'] as const;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Size {
  width: number;
  height: number;
}
/** A phone-narrow window and a desktop one. */
export const SIZES: readonly Size[] = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
];
/** The toolbar popup has one size whatever the window: 380 wide, at most 600 tall. */
export const POPUP_SIZE: Size = { width: 380, height: 600 };

export function sizesOf(screen: Screen): readonly Size[] {
  return screen === 'popup' ? [POPUP_SIZE] : SIZES;
}

export interface ScreenTabs {
  browser: TestBrowser;
  fake: FakeSites;
  /** The tab for sites (the panel, the compact notice, the recovery page). */
  site: TestPage;
  /** A tab for the extension's own pages (popup, options, welcome). */
  extension: TestPage;
}

/** A chat page laid out like the real ones: a wide composer fixed at the bottom. */
export const CHAT_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Chat</title>
<style>
  body { margin: 0; font: 16px system-ui; }
  #chat { padding: 24px 24px 200px; max-width: 720px; margin: 0 auto; }
  form#composer { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%);
    width: min(768px, calc(100% - 32px)); box-sizing: border-box; display: flex; gap: 8px;
    padding: 12px; border: 1px solid #ccc; border-radius: 24px; background: #fff; }
  #prompt-textarea { flex: 1; min-height: 56px; border: 0; resize: none; font: inherit; }
  #send { align-self: flex-end; width: 40px; height: 40px; border-radius: 50%; }
</style></head><body>
<main id="chat"><p><b>You:</b> Summarise the meeting notes in three points.</p>
<p><b>Assistant:</b> Here are the three points you asked for…</p></main>
<form id="composer" onsubmit="return false">
  <textarea id="prompt-textarea" placeholder="Ask anything"></textarea>
  <button id="send" type="submit" aria-label="Send">↑</button>
</form></body></html>`;

const CHAT_API = '/backend-api/f/conversation';

/**
 * Fresh scripts for a screen: status pages that say something (an incident at OpenAI, a
 * major outage at Anthropic), so the panels show a status line as a user would see it in an
 * outage, with its longer words.
 */
function resetFakes(fake: FakeSites): void {
  fake.reset();
  const json = (body: unknown) => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  fake.script('status.openai.com', '/api/v2/summary.json', json(incidentIoSummary));
  fake.script('status.claude.com', '/api/v2/summary.json', json(summaryMajorOutage));
}

/**
 * A script that writes the popup's history: the first `count` (up to five) of ended
 * incidents of the kinds with the longest words, so its list is full.
 */
export function historyScript(count: number): string {
  return `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const now = Date.now();
  const entry = (siteId, kind, code, ago, ended) => ({ siteId, kind, code,
    startedAt: now - ago, endedAt: now - ago + 5_400_000, count: 3, ended });
  await api.storage.local.set({ history: [
    entry('characterai', 'network', null, 3_600_000, 'closed'),
    entry('huggingchat', 'page', null, 7_200_000, 'left'),
    entry('perplexity', 'http', 504, 90_000_000, 'recovered'),
    entry('deepseek', 'network', null, 180_000_000, 'closed'),
    entry('copilot', 'http', 502, 260_000_000, 'left'),
  ].slice(0, ${count}) });
})()`;
}

/** Three incidents: the popup's history as its screenshots show it. */
const HISTORY = historyScript(3);

async function extensionPage(tabs: ScreenTabs, path: string): Promise<void> {
  await tabs.extension.goto(`${tabs.browser.extensionBase}/${path}`);
}

/** Waits until the page has something of ours drawn and its animations have finished. */
async function settled(page: TestPage, ready: string): Promise<void> {
  await pollFor(`${ready} on ${page.url()}`, 10_000, async () =>
    (await page.evaluate<boolean>(`!!(${ready})`)) ? true : undefined,
  );
  await waitForAnimations(page);
}

const PANEL_IN_SHADOW = `document.querySelector('gateway-guard-panel')?.shadowRoot?.querySelector('.gg-panel')`;

/**
 * Opens `screen` at `size` and resolves with the tab showing it, drawn and still. The
 * theme is the caller's (setColorScheme on both tabs), so one opening serves both.
 */
export async function openScreen(tabs: ScreenTabs, screen: Screen, size: Size): Promise<TestPage> {
  const { browser, fake, site, extension } = tabs;
  switch (screen) {
    case 'panel': {
      resetFakes(fake);
      fake.script('chatgpt.com', '/c/screens', { status: 502, body: errorPage(502) });
      await site.setViewport(size.width, size.height);
      await site.goto('https://chatgpt.com/c/screens');
      await site.waitForPanel();
      await settled(site, PANEL_IN_SHADOW);
      return site;
    }
    case 'compact': {
      resetFakes(fake);
      fake.script('chatgpt.com', '/c/77', { status: 200, body: CHAT_PAGE });
      fake.script('chatgpt.com', CHAT_API, { status: 502, body: 'bad gateway' });
      await site.setViewport(size.width, size.height);
      await site.goto('https://chatgpt.com/c/77');
      const status = await site.evaluate<number>(
        `fetch(${JSON.stringify(CHAT_API)}, { method: 'POST', body: '{}' }).then((r) => r.status, () => 0)`,
      );
      if (status !== 502) throw new Error(`the chat request answered ${status}, not 502`);
      await site.waitForPanel();
      await settled(site, PANEL_IN_SHADOW);
      return site;
    }
    case 'recovery': {
      // An empty 502: the browser would show its own error page, so the recovery page opens.
      resetFakes(fake);
      fake.script('claude.ai', '/chat/screens', { status: 502, body: '' });
      await site.setViewport(size.width, size.height);
      await site.goto('https://claude.ai/chat/screens');
      await site.waitForUrl((u) => u.startsWith(browser.extensionBase));
      await site.waitForPanel();
      await settled(site, `document.querySelector('.gg-recovery-head')`);
      return site;
    }
    case 'popup': {
      // A failing tab for the popup to speak of, and a history to list.
      resetFakes(fake);
      fake.script('claude.ai', '/new', { status: 503, body: errorPage(503) });
      await site.goto('https://claude.ai/new');
      await site.waitForPanel();
      await extensionPage(tabs, PING_PAGE);
      await extension.evaluate(HISTORY);
      const tabId = await extension.evaluate<number>(`(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        return (await api.tabs.query({ url: 'https://claude.ai/*' }))[0].id;
      })()`);
      await extension.setViewport(size.width, size.height);
      await extensionPage(tabs, `src/popup/index.html?tab=${tabId}`);
      // Drawn once the tab's card, the history and every site's status line are there.
      await settled(
        extension,
        `document.querySelector('.pp-card') && document.querySelectorAll('.pp-history tbody tr').length === 3 && document.querySelectorAll('.pp-status-line').length >= 12`,
      );
      return extension;
    }
    case 'options': {
      await extension.setViewport(size.width, size.height);
      await extensionPage(tabs, 'src/options/index.html');
      await settled(extension, `document.querySelector('.op-custom-form')`);
      return extension;
    }
    case 'welcome': {
      await extension.setViewport(size.width, size.height);
      await extensionPage(tabs, 'src/welcome/index.html');
      await settled(extension, `document.querySelector('#wl-demo')`);
      return extension;
    }
    case 'welcome-demo': {
      await extension.setViewport(size.width, size.height);
      await extensionPage(tabs, 'src/welcome/index.html');
      await settled(extension, `document.querySelector('#wl-demo')`);
      // The demo's button, by its place (its words are in the browser's language).
      await extension.evaluate(
        `document.querySelector('#wl-demo').parentElement.querySelector('button.gg-primary').click()`,
      );
      await extension.waitForPanel();
      await settled(extension, `document.querySelector('.gg-overlay .gg-panel')`);
      return extension;
    }
  }
}

/** Opens every <details> of the screen (Technical details), so what they hold is laid out too. */
export const OPEN_DETAILS = `(() => {
  const roots = [document, ...[...document.querySelectorAll('*')].flatMap((el) => el.shadowRoot ? [el.shadowRoot] : [])];
  let opened = 0;
  for (const root of roots) for (const d of root.querySelectorAll('details:not([open])')) { d.open = true; opened++; }
  return opened;
})()`;
