/**
 * Detection across sites and signals: page loads, chat requests, the sites' own notices,
 * things that are not outages, storms, and a background worker that restarts.
 */
import { describe, expect, it } from 'vitest';
import { browserNames } from './harness/browsers.ts';
import { errorPage } from './harness/fake-sites.ts';
import {
  DECISIONS,
  type LoadDecision,
  useBrowser,
  waitForContentScript,
  waitForLoadDecision,
} from './harness/fixture.ts';

/** POSTs from the page itself, as the site's own script would. */
function post(path: string, times = 1): string {
  return `Promise.all(Array.from({ length: ${times} }, () =>
    fetch(${JSON.stringify(path)}, { method: 'POST', body: '{}' }).then((r) => r.status, () => 0)))`;
}

/** How many Gateway Guard dialogs the page holds. */
const DIALOG_COUNT = `[...document.documentElement.children]
  .filter((el) => el.shadowRoot)
  .reduce((n, el) => n + el.shadowRoot.querySelectorAll('[role="dialog"]').length, 0)`;

const BADGE_OF_CHATGPT_TAB = `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const [tab] = await api.tabs.query({ url: 'https://chatgpt.com/*' });
  return tab ? api.action.getBadgeText({ tabId: tab.id }) : 'no tab';
})()`;

describe.each(browserNames())('detection in %s', (name) => {
  const env = useBrowser(name);
  const inExtension = <T>(expression: string) => env.inExtension<T>(expression);

  // Firefox covers the same signals on one site; Chromium covers every case.
  const chromiumOnly = it.runIf(name === 'chromium');
  const mainFrameSites: Array<[string, string]> = [['chatgpt.com', '/c/1']];
  const chatSites: Array<[string, string, string]> = [
    ['chatgpt.com', '/c/10', '/backend-api/f/conversation'],
  ];
  if (name === 'chromium') {
    mainFrameSites.push(['claude.ai', '/chat/2'], ['gemini.google.com', '/app/3']);
    chatSites.push([
      'claude.ai',
      '/chat/11',
      '/api/organizations/org-1/chat_conversations/conv-1/completion',
    ]);
  }

  it.each(mainFrameSites)('a main-frame 502 on %s shows the panel', async (host, path) => {
    const { fake, page } = env;
    fake.reset();
    fake.script(host, path, { status: 502, body: errorPage(502) });
    await page.goto(`https://${host}${path}`);
    expect((await page.waitForPanel()).name).toBe('502 Bad Gateway');
  });

  it('sends an empty-body 503 to the recovery page', async () => {
    const { browser, fake, page } = env;
    fake.reset();
    fake.script('claude.ai', '/new', { status: 503, body: '' });
    await page.goto('https://claude.ai/new');
    await page.waitForUrl((u) => u.startsWith(browser.extensionBase));
    expect((await page.waitForPanel()).name).toBe('503 Service Unavailable');
  });

  it('sends a connection reset to the recovery page, named as such', async () => {
    const { browser, fake, page } = env;
    fake.reset();
    fake.script('chat.deepseek.com', '/', { reset: true });
    await page.goto('https://chat.deepseek.com/');
    await page.waitForUrl((u) => u.startsWith(browser.extensionBase));
    expect((await page.waitForPanel()).name).toBe('Connection reset');
  });

  it.each(chatSites)(
    'a chat request 502 on %s shows the compact panel; the conversation stays readable',
    async (host, pagePath, api) => {
      const { fake, page } = env;
      fake.reset();
      fake.script(host, api, { status: 502, body: errorPage(502) });
      await page.goto(`https://${host}${pagePath}`);
      expect(await page.evaluate(post(api))).toEqual([502]);
      const panel = await page.waitForPanel();
      expect(panel.name).toBe('502 Bad Gateway');
      // The conversation is neither covered nor hidden.
      const conversationVisible = await page.evaluate(`(() => {
      const chat = document.getElementById('chat');
      const box = chat.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + 5, box.top + 5);
      return chat.contains(hit) && getComputedStyle(chat).visibility === 'visible';
    })()`);
      expect(conversationVisible).toBe(true);
      await page.clickButton('Dismiss');
      await page.waitForNoPanel();
    },
  );

  chromiumOnly('shows the compact panel when the site prints its own error notice', async () => {
    const { fake, page } = env;
    fake.reset();
    await page.goto('https://chatgpt.com/c/12');
    // A real site prints its notice when a request fails, long after the content script
    // started watching.
    await waitForContentScript(page, ['watching']);
    await page.evaluate(`(() => {
      const note = document.createElement('div');
      note.textContent = 'Something went wrong. If this issue persists please contact us through our help center at help.openai.com.';
      document.getElementById('chat').append(note);
    })()`);
    const panel = await page.waitForPanel();
    expect(panel.name).toBe('The site reported an error');
    // The compact notice keeps the site's own words behind More fixes.
    await page.clickButton('More fixes');
    await expect.poll(async () => (await page.panel())?.text ?? '').toContain('help.openai.com');
  });

  chromiumOnly('does not call a Cloudflare challenge an outage', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', '/c/13', {
      status: 503,
      headers: { 'cf-mitigated': 'challenge', server: 'cloudflare' },
      body: '<!doctype html><title>Just a moment...</title><div id="cf-wrapper">Verify you are human by completing the action below.</div>',
    });
    await page.goto('https://chatgpt.com/c/13');
    const panel = await page.waitForPanel();
    expect(panel.name).toBe('Security check');
    expect(panel.buttons).toEqual(['Dismiss']);
    expect(await page.url()).toBe('https://chatgpt.com/c/13');
  });

  chromiumOnly('stays quiet on a healthy page whose analytics requests fail', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', '/ces/v1/t', { status: 502, body: '' });
    fake.script('chatgpt.com', '/backend-api/lat/r', { status: 503, body: '' });
    const loadedAt = Date.now();
    await page.goto('https://chatgpt.com/c/14');
    await waitForContentScript(page, ['watching']);
    // One outside every chat path, then one inside ChatGPT's but not a chat request.
    await page.evaluate(post('/ces/v1/t', 5));
    await page.evaluate(post('/backend-api/lat/r', 5));
    // The background has looked at the second and set it aside before we check; the first
    // never reached it (its listener hears only the paths chat requests start with).
    const seen = await waitForLoadDecision(env, 'https://chatgpt.com/backend-api/lat/r', loadedAt);
    expect(seen.decision).toBe('not a chat request');
    const decisions = await env.inExtension<LoadDecision[]>(DECISIONS);
    expect(decisions.filter((d) => d.url.endsWith('/ces/v1/t') && d.at >= loadedAt)).toEqual([]);
    expect(await page.panel()).toBeNull();
  });

  chromiumOnly(
    'makes one panel with the right count out of a storm of 300 failing chat requests',
    async () => {
      const { fake, page } = env;
      fake.reset();
      fake.script('chatgpt.com', '/backend-api/f/conversation', {
        status: 502,
        body: 'bad gateway',
      });
      await page.goto('https://chatgpt.com/c/15');
      const statuses = await page.evaluate<number[]>(post('/backend-api/f/conversation', 300));
      expect(statuses.filter((s) => s === 502)).toHaveLength(300);
      await expect
        .poll(async () => (await page.panel())?.text ?? '', { timeout: 10_000 })
        .toContain('300 failed requests');
      expect(await page.evaluate(DIALOG_COUNT)).toBe(1);
    },
  );

  chromiumOnly(
    'keeps the incident when the background worker is stopped and restarted',
    async () => {
      const { browser, fake, page } = env;
      fake.reset();
      fake.script('chatgpt.com', '/backend-api/f/conversation', { status: 502, body: 'bad' });
      await page.goto('https://chatgpt.com/c/18');
      await page.evaluate(post('/backend-api/f/conversation', 300));
      await expect
        .poll(async () => (await page.panel())?.text ?? '', { timeout: 10_000 })
        .toContain('300 failed requests');
      await browser.restartBackground();
      // One more failure after the restart continues the same episode.
      await page.evaluate(post('/backend-api/f/conversation'));
      await expect
        .poll(async () => (await page.panel())?.text ?? '', { timeout: 10_000 })
        .toContain('301 failed requests');
      expect(await page.evaluate(DIALOG_COUNT)).toBe(1);
    },
  );

  it('shows the code on the toolbar badge of the failing tab and clears it on recovery', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', '/backend-api/f/conversation', { status: 504, body: '' });
    await page.goto('https://chatgpt.com/c/16');
    await page.evaluate(post('/backend-api/f/conversation'));
    await page.waitForPanel();
    await expect.poll(() => inExtension(BADGE_OF_CHATGPT_TAB)).toBe('504');
    fake.reset();
    await page.goto('https://chatgpt.com/c/16');
    await expect.poll(() => inExtension(BADGE_OF_CHATGPT_TAB)).toBe('');
  });

  chromiumOnly('gives a site the user turned off no panel and no badge', async () => {
    const { browser, fake, page } = env;
    const setEnabled = (enabled: boolean) =>
      inExtension(
        `chrome.storage.sync.set({ settings: { version: 1, sites: { chatgpt: { enabled: ${enabled} } } } })`,
      );
    await setEnabled(false);
    try {
      fake.reset();
      fake.script('chatgpt.com', '/c/17', { status: 502, body: errorPage(502) });
      fake.script('chatgpt.com', '/backend-api/f/conversation', { status: 502, body: '' });
      let loadedAt = Date.now();
      await page.goto('https://chatgpt.com/c/17');
      expect((await waitForLoadDecision(env, 'https://chatgpt.com/c/17', loadedAt)).decision).toBe(
        'site off',
      );
      await waitForContentScript(page, ['off']);
      await page.evaluate(post('/backend-api/f/conversation'));
      const chat = await waitForLoadDecision(
        env,
        'https://chatgpt.com/backend-api/f/conversation',
        loadedAt,
      );
      expect(chat.decision).toBe('site off');
      expect(await page.panel()).toBeNull();
      fake.script('chatgpt.com', '/c/17', { status: 502, body: '' });
      loadedAt = Date.now();
      await page.goto('https://chatgpt.com/c/17');
      expect((await waitForLoadDecision(env, 'https://chatgpt.com/c/17', loadedAt)).decision).toBe(
        'site off',
      );
      expect(page.url().startsWith(browser.extensionBase)).toBe(false);
      expect(await inExtension(BADGE_OF_CHATGPT_TAB)).toBe('');
    } finally {
      await setEnabled(true);
    }
  });
});
