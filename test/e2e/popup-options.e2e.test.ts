/**
 * The toolbar popup, the options page and the welcome page, opened as extension pages in a
 * tab: statuses from the fake status pages, the incident history, settings that take effect
 * on the next page load, and screenshots of each page in artifacts/screenshots/.
 *
 * Chromium only, like the status tests: the pages are the same code in Firefox, and what
 * differs there (the manifest, permissions) is checked by the build-output tests.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  incidentIoSummary,
  summaryMajorOutage,
} from '../../src/shared/status/fixtures/statuspage.ts';
import type { TestPage } from './harness/browsers.ts';
import { errorPage } from './harness/fake-sites.ts';
import {
  useBrowser,
  waitForAnimations,
  waitForContentScript,
  waitForLoadDecision,
} from './harness/fixture.ts';

const SHOTS = resolve(import.meta.dirname, '../../artifacts/screenshots');
const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';
const WELCOME = 'src/welcome/index.html';
/** Chrome's popups are at most 800 × 600; ours is 380 wide. */
const POPUP_SIZE = { width: 380, height: 600 };

const json = (body: unknown) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('popup, options and welcome pages in chromium', () => {
  const env = useBrowser('chromium');

  const open = async (path: string, page?: TestPage) => {
    const target = page ?? (await env.browser.newPage());
    await target.goto(`${env.browser.extensionBase}/${path}`);
    return target;
  };
  const text = (page: TestPage) => page.evaluate<string>('document.body.innerText');
  /**
   * Runs `code` (an expression, may await) in an extension page, with `chrome` at hand. Not
   * the popup: opening it reads every status page, and the reads would be cached.
   */
  const inExtension = <T>(code: string): Promise<T> =>
    env.inExtension<T>(`(async () => ${code})()`);
  /** Clicks an element once the page has rendered it (the options read storage first). */
  const click = async (page: TestPage, selector: string) => {
    const find = `document.querySelector(${JSON.stringify(selector)})`;
    await expect.poll(() => page.evaluate<boolean>(`!!${find}`)).toBe(true);
    await page.evaluate(`${find}.click()`);
  };
  const storedSettings = () =>
    inExtension<{ prompt?: string; sites?: Record<string, { enabled: boolean }> } | undefined>(
      `(await chrome.storage.sync.get('settings')).settings`,
    );

  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });
  // Each test starts from the default settings and an empty history.
  beforeEach(async () => {
    env.fake.reset();
    await env.page.goto('https://example.org/');
    // Leaving a failing site ends its incident and writes its history entry: once no tab
    // has an incident any more, that write has landed and the slate can be wiped.
    await expect
      .poll(async () =>
        Object.keys(await inExtension<object>('chrome.storage.session.get(null)')).filter((k) =>
          k.startsWith('incident:'),
        ),
      )
      .toEqual([]);
    await inExtension(`Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()])`);
  });

  it('opened the welcome page on install; "See it work" shows the panel on a demo 502', async () => {
    const contexts = await inExtension<string[]>(
      `(await chrome.runtime.getContexts({ contextTypes: ['TAB'] })).map((c) => c.documentUrl)`,
    );
    expect(contexts.some((url) => url.endsWith(WELCOME))).toBe(true);

    const { browser, fake } = env;
    const welcome = await browser.newPage();
    await welcome.setViewport(1000, 1000);
    await open(WELCOME, welcome);
    expect(await text(welcome)).toContain('Welcome to Gateway Guard');
    await welcome.screenshot(resolve(SHOTS, 'welcome.png'));

    const before = fake.requests.length;
    await welcome.clickButton('See it work');
    const panel = await welcome.waitForPanel();
    expect(panel.name).toBe('502 Bad Gateway');
    expect(panel.buttons).toContain('Retry now');
    await waitForAnimations(welcome);
    await welcome.screenshot(resolve(SHOTS, 'welcome-demo.png'));
    await welcome.press('Escape');
    await welcome.waitForNoPanel();
    // A demo: nothing was fetched for it.
    expect(fake.requests.length).toBe(before);
    await welcome.close();
  });

  it('shows the tab’s trouble, every site’s status and the recorded incidents, without scrolling', async () => {
    const { browser, fake, page: site } = env;
    fake.script('status.claude.com', '/api/v2/summary.json', json(summaryMajorOutage));
    fake.script(
      'status.openai.com',
      '/api/v2/summary.json',
      json({ ...incidentIoSummary, status: { indicator: 'none' }, components: [] }),
    );
    // A real incident that ends: ChatGPT fails, then loads again.
    fake.script('chatgpt.com', '/c/1', { status: 502, body: errorPage(502) });
    await site.goto('https://chatgpt.com/c/1');
    await site.waitForPanel();
    fake.healthy('chatgpt.com');
    await site.goto('https://chatgpt.com/c/1');
    await expect
      .poll(() => inExtension<unknown[]>(`(await chrome.storage.local.get('history')).history`))
      .toHaveLength(1);
    // Two older ones, so the list has three rows.
    await inExtension(`(async () => {
      const { history } = await chrome.storage.local.get('history');
      const now = Date.now();
      const older = [
        { siteId: 'perplexity', kind: 'http', code: 504, startedAt: now - 3_600_000,
          endedAt: now - 3_000_000, count: 2, ended: 'left' },
        { siteId: 'poe', kind: 'network', code: null, startedAt: now - 90_000_000,
          endedAt: now - 89_000_000, count: 1, ended: 'closed' },
      ];
      await chrome.storage.local.set({ history: [...history, ...older] });
    })()`);

    // A current one: Claude answers 503 (page loads are counted to tell Retry now apart
    // from the panel's own light probes).
    const navigations: number[] = [];
    fake.script('claude.ai', '/new', (req) => {
      if (req.headers['sec-fetch-mode'] === 'navigate') navigations.push(Date.now());
      return { status: 503, body: errorPage(503) };
    });
    await site.goto('https://claude.ai/new');
    await site.waitForPanel();
    const tabId = await inExtension<number>(
      `(await chrome.tabs.query({ url: 'https://claude.ai/*' }))[0].id`,
    );

    const popup = await browser.newPage();
    await popup.setViewport(POPUP_SIZE.width, POPUP_SIZE.height);
    await open(`${POPUP}?tab=${tabId}`, popup);
    await expect.poll(() => text(popup), { timeout: 10_000 }).toContain('Major outage');
    const shown = await text(popup);
    expect(shown).toContain('503 Service Unavailable');
    expect(shown).toMatch(/Claude\s+Major outage/);
    expect(shown).toMatch(/ChatGPT\s+Operational/);
    expect(shown).toMatch(/just now/);
    const rows = await popup.evaluate<string[]>(
      `[...document.querySelectorAll('.pp-history tbody tr')].map((r) => r.innerText.replace(/\\s+/g, ' '))`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/ChatGPT 502 .* Recovered/);
    expect(rows[2]).toMatch(/Poe Network .* Tab closed/);
    const size = await popup.evaluate<{ height: number; width: number }>(
      `({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth })`,
    );
    expect(size.height).toBeLessThanOrEqual(POPUP_SIZE.height);
    expect(size.width).toBeLessThanOrEqual(POPUP_SIZE.width);
    await popup.screenshot(resolve(SHOTS, 'popup.png'));

    // Keyboard: the first Tab lands on the settings link, with a visible focus ring.
    await popup.press('Tab');
    expect(
      await popup.evaluate<string>(
        `document.activeElement.textContent + ' ' + getComputedStyle(document.activeElement).outlineStyle`,
      ),
    ).toBe('Settings solid');

    // The quick actions act on that tab: Retry now loads the page again.
    const clickedAt = Date.now();
    await popup.clickButton('Retry now');
    await expect.poll(() => navigations.filter((at) => at >= clickedAt).length).toBeGreaterThan(0);
    await popup.close();
  });

  it('turning a site off stops its panel on the next 502', async () => {
    const { browser, fake, page: site } = env;
    const options = await browser.newPage();
    await options.setViewport(900, 1700);
    await open(OPTIONS, options);
    await click(options, 'input[name="site-chatgpt"]');
    await expect.poll(storedSettings).toMatchObject({ sites: { chatgpt: { enabled: false } } });
    expect(await text(options)).toContain('Saved.');
    await options.screenshot(resolve(SHOTS, 'options.png'));
    await options.close();

    fake.script('chatgpt.com', '/c/2', { status: 502, body: errorPage(502) });
    const loadedAt = Date.now();
    await site.goto('https://chatgpt.com/c/2');
    // Both sides have looked: the background left the site alone, the page script too.
    expect((await waitForLoadDecision(env, 'https://chatgpt.com/c/2', loadedAt)).decision).toBe(
      'site off',
    );
    await waitForContentScript(site, ['off']);
    expect(await site.panel()).toBeNull();
    expect(site.url()).toBe('https://chatgpt.com/c/2');
  });

  it('in compact mode a failed page gets the compact notice, not the overlay', async () => {
    const { fake, page: site } = env;
    const options = await open(OPTIONS);
    await click(options, 'input[name="prompt"][value="compact"]');
    await expect.poll(storedSettings).toMatchObject({ prompt: 'compact' });
    await options.close();

    fake.script('chatgpt.com', '/c/3', { status: 502, body: errorPage(502) });
    await site.goto('https://chatgpt.com/c/3');
    const panel = await site.waitForPanel();
    expect(panel.name).toBe('502 Bad Gateway');
    expect(panel.buttons).toContain('More fixes');
    const root = `document.querySelector('gateway-guard-panel').shadowRoot`;
    expect(await site.evaluate<boolean>(`!!${root}.querySelector('.gg-compact')`)).toBe(true);
    expect(await site.evaluate<boolean>(`!!${root}.querySelector('.gg-overlay')`)).toBe(false);
    await waitForAnimations(site);
    await site.screenshot(resolve(SHOTS, 'compact-panel.png'));
  });

  it('wiping history and drafts empties the popup’s list', async () => {
    await inExtension(`chrome.storage.local.set({
      history: [{ siteId: 'claude', kind: 'http', code: 503, startedAt: Date.now() - 60000,
        endedAt: Date.now(), count: 1, ended: 'recovered' }],
      'draft:chatgpt /c/9': { text: 'kept draft', savedAt: Date.now() },
    })`);
    const popup = await open(POPUP);
    await expect.poll(() => text(popup)).toContain('Recovered');

    const options = await open(OPTIONS);
    await options.clickButton('Wipe history and drafts');
    await options.clickButton('Wipe');
    await expect.poll(() => text(options)).toContain('History and drafts wiped.');
    await options.close();

    await open(POPUP, popup);
    await expect.poll(() => text(popup)).toContain('All clear');
    expect(await popup.evaluate<number>(`document.querySelectorAll('.pp-history tr').length`)).toBe(
      0,
    );
    expect(await inExtension<object>(`chrome.storage.local.get(null)`)).toEqual({});
    await popup.close();
  });
});
