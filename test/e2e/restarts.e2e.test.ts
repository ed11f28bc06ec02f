/**
 * Restarts, end to end: the browser closed and started again on the same profile
 * (Chromium), and Firefox's event page stopped mid-retry as Firefox does when it idles.
 * What the user owns (settings, the history, drafts) is on disk and survives; an episode
 * in progress is session data, which a browser restart clears by design, so what carries
 * the recovery over is the tabs the browser restores, each failing again and watched anew.
 * Chromium's worker stopped mid-retry is in recovery.e2e.test.ts and hardening.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/shared/settings/model.ts';
import { browserNames, PING_PAGE, type TestPage } from './harness/browsers.ts';
import { errorPage, type FakeSites, healthyPage } from './harness/fake-sites.ts';
import { typeInto, useBrowser } from './harness/fixture.ts';
import { pollFor } from './harness/test-page.ts';

const STORAGE = '(globalThis.browser ?? globalThis.chrome).storage';

/** Claude's page with its composer (a ProseMirror editor) holding `text`, as the fake serves it. */
const claudePage = (text = '') => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FakeSite Claude</title></head>
<body><main id="chat"></main><div contenteditable="true" class="ProseMirror"><p>${text || '<br>'}</p></div></body></html>`,
});

/** The composer's text as the user sees it. */
const composerText = (page: TestPage) =>
  page.evaluate<string | null>(`document.querySelector('.ProseMirror')?.innerText.trim() ?? null`);

const panelText = async (page: TestPage) => (await page.panel())?.text ?? '';

/** The checks the panel says were made ("Checked 14 times since 14:02"). */
async function checksShown(page: TestPage): Promise<number> {
  const text = await panelText(page);
  if (/Checked once since/.test(text)) return 1;
  const match = /Checked (\d+) times since/.exec(text);
  return match ? Number(match[1]) : 0;
}

/** Probes (light requests) the fake saw for a host after `since`. */
const probes = (fake: FakeSites, host: string, since: number) =>
  fake.requests.filter((r) => r.host === host && r.method === 'HEAD' && r.time >= since);

/**
 * When the test build's background started, each time (its own signal in session storage),
 * read from an extension page that stays open: opening a tab for each read would be a tab
 * event, which wakes the background and keeps it from idling.
 */
const backgroundStarts = (extension: TestPage) =>
  extension
    .evaluate<{ testBackgroundStarts?: number[] }>(`${STORAGE}.session.get('testBackgroundStarts')`)
    .then((stored) => stored.testBackgroundStarts ?? []);

/** Every path of `host` fails until `heal()`; `empty` answers have no body (the browser's own error page). */
function outage(fake: FakeSites, host: string, paths: Record<string, 'page' | 'empty'>) {
  let healed = false;
  for (const [path, kind] of Object.entries(paths)) {
    fake.script(host, path, () =>
      healed
        ? { status: 200, body: healthyPage(host) }
        : { status: 502, body: kind === 'empty' ? '' : errorPage(502) },
    );
  }
  return {
    heal() {
      healed = true;
    },
  };
}

describe.runIf(browserNames().includes('chromium'))('a browser restart in chromium', () => {
  const env = useBrowser('chromium', { keepProfile: true });

  it('keeps the settings, the history and the draft, and the restored failing tabs recover', async () => {
    const { fake, page } = env;
    fake.reset();
    // A changed setting.
    const settings = { ...defaultSettings(), history: { keepDays: 3 } };
    await env.inExtension(`${STORAGE}.sync.set({ settings: ${JSON.stringify(settings)} })`);
    // A draft, saved.
    fake.script('claude.ai', '/chat/restart', claudePage());
    await page.goto('https://claude.ai/chat/restart');
    await typeInto(env, '.ProseMirror', 'kept across restarts');
    // A history entry: an episode that ended.
    fake.script('chatgpt.com', '/c/90', { status: 502, body: errorPage(502) });
    await page.goto('https://chatgpt.com/c/90');
    await page.waitForPanel();
    fake.healthy('chatgpt.com');
    await page.goto('https://chatgpt.com/c/90');
    const history = async () =>
      (await env.inExtension<{ history?: unknown[] }>(`${STORAGE}.local.get('history')`)).history ??
      [];
    await expect
      .poll(async () => JSON.stringify(await history()), { timeout: 10_000 })
      .toContain('"recovered"');
    // Automatic recovery under way for two tabs of a failing site: one with the panel in the
    // page, one on the recovery page (the browser's own error page cannot hold a panel).
    const site = outage(fake, 'chatgpt.com', { '/c/91': 'page', '/c/92': 'empty' });
    const inPage = await env.browser.newPage();
    await inPage.goto('https://chatgpt.com/c/91');
    await inPage.waitForPanel();
    const onRecovery = await env.browser.newPage();
    await onRecovery.goto('https://chatgpt.com/c/92');
    await onRecovery.waitForUrl((u) => u.startsWith(env.browser.extensionBase), 15_000);
    await onRecovery.waitForPanel();
    await expect.poll(() => checksShown(inPage), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const settingsBefore = await env.inExtension(`${STORAGE}.sync.get(null)`);
    const historyBefore = await history();

    await env.restartBrowser();
    const restartedAt = Date.now();

    // What the user owns is still there.
    expect(await env.inExtension(`${STORAGE}.sync.get(null)`)).toEqual(settingsBefore);
    expect(JSON.stringify(settingsBefore)).toContain('"keepDays":3');
    expect(await history()).toEqual(historyBefore);
    const stored = await env.inExtension<Record<string, unknown>>(`${STORAGE}.local.get(null)`);
    expect(stored['draft:claude /chat/restart']).toMatchObject({
      text: expect.stringContaining('kept across restarts'),
    });
    // The site's empty composer gets the draft back.
    await env.page.goto('https://claude.ai/chat/restart');
    await expect
      .poll(() => composerText(env.page), { timeout: 10_000 })
      .toBe('kept across restarts');

    // The browser reopened both failing tabs; each fails again and is watched again.
    const restored = async (what: string, match: (url: string) => boolean) => {
      let seen: string[] = [];
      return pollFor(`the restored tab ${what}`, 30_000, async () => {
        const pages = await env.browser.openPages();
        seen = pages.map((p) => p.url());
        return pages.find((p) => match(p.url()));
      }).catch((error: unknown) => {
        throw new Error(`${error}; open tabs: ${seen.join(' ')}`);
      });
    };
    const inPageAgain = await restored('/c/91', (u) => u === 'https://chatgpt.com/c/91');
    const onRecoveryAgain = await restored(
      'on the recovery page for /c/92',
      (u) => u.startsWith(env.browser.extensionBase) && u.includes('c%2F92'),
    );
    await inPageAgain.waitForPanel();
    await onRecoveryAgain.waitForPanel();
    await expect
      .poll(() => probes(fake, 'chatgpt.com', restartedAt).length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1);
    site.heal();
    await inPageAgain.waitForNoPanel(40_000);
    await onRecoveryAgain.waitForUrl((u) => u === 'https://chatgpt.com/c/92', 40_000);
  }, 150_000);
});

describe.runIf(browserNames().includes('firefox'))('an idle event page in firefox', () => {
  // Firefox stops an idle event page after 30 s; a second here, so it stops between two
  // checks of a site (automation has no command to stop it on request).
  const env = useBrowser('firefox', {
    firefoxPrefs: { 'extensions.background.idle.timeout': 1_000 },
  });

  it('automatic recovery goes on after Firefox stopped the event page mid-retry', async () => {
    const { browser, fake } = env;
    fake.reset();
    const extension = await browser.newPage();
    await extension.goto(`${browser.extensionBase}/${PING_PAGE}`);
    const site = outage(fake, 'chatgpt.com', { '/c/93': 'page' });
    const page = await browser.newPage();
    await page.goto('https://chatgpt.com/c/93');
    await page.waitForPanel();
    await expect.poll(() => checksShown(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const startsBefore = (await backgroundStarts(extension)).length;
    expect(startsBefore).toBeGreaterThanOrEqual(1);
    // Firefox stopped the idle event page, and an event (the retry's alarm, or the panel
    // asking) started it again.
    await expect
      .poll(async () => (await backgroundStarts(extension)).length, {
        timeout: 60_000,
        interval: 250,
      })
      .toBeGreaterThan(startsBefore);
    const restartedAt = (await backgroundStarts(extension)).at(-1) ?? Date.now();
    const shown = await checksShown(page);
    await expect.poll(() => checksShown(page), { timeout: 30_000 }).toBeGreaterThan(shown);
    expect(probes(fake, 'chatgpt.com', restartedAt).length).toBeGreaterThanOrEqual(1);
    site.heal();
    await page.waitForNoPanel(40_000);
    await page.close();
    await extension.close();
  }, 150_000);
});
