/**
 * Hardening, end to end: a hostile covered page, a storm of failing chat requests, the
 * background worker stopped mid-episode, and where the extension's own requests go.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/shared/settings/model.ts';
import { SITES } from '../../src/sites/index.ts';
import { browserNames } from './harness/browsers.ts';
import { errorPage } from './harness/fake-sites.ts';
import { typeInto, useBrowser, waitForContentScript } from './harness/fixture.ts';

const CHAT = '/backend-api/f/conversation';

/** Claude's page with its composer (a ProseMirror editor), as the fake serves it. */
const CLAUDE_PAGE = {
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FakeSite Claude</title></head>
<body><main id="chat"></main><div contenteditable="true" class="ProseMirror"><p><br></p></div></body></html>`,
};
const STORAGE = '(globalThis.browser ?? globalThis.chrome).storage';

/** POSTs from the page itself, as the site's own script would, spread over `spreadMs`. */
function storm(times: number, spreadMs: number): string {
  return `Promise.all(Array.from({ length: ${times} }, (_, i) =>
    new Promise((r) => setTimeout(r, Math.floor((i * ${spreadMs}) / ${times})))
      .then(() => fetch(${JSON.stringify(CHAT)}, { method: 'POST', body: '{}' }))
      .then((r) => r.status, () => 0)))`;
}

/** Everything a hostile page script can try against the panel and draft rescue. */
const HOSTILE = `(() => {
  const host = document.querySelector('gateway-guard-panel');
  const buttons = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])];
  // Synthetic clicks on every button, twice (the second would confirm a first step).
  for (let round = 0; round < 2; round++) {
    for (const button of host?.shadowRoot?.querySelectorAll('button') ?? []) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }
  }
  window.__hostileMark = 'still here';
  return buttons.length;
})()`;

describe.each(browserNames())('hardening in %s', (name) => {
  const env = useBrowser(name);
  const chromiumOnly = it.runIf(name === 'chromium');
  const stored = () => env.inExtension<Record<string, unknown>>(`${STORAGE}.local.get(null)`);

  it('a hostile page gets no privileged action, loses no other site’s draft, and keeps the panel', async () => {
    const { fake, page } = env;
    fake.reset();
    // Another site's draft, typed by the user.
    fake.script('claude.ai', '/new', CLAUDE_PAGE);
    await page.goto('https://claude.ai/new');
    await typeInto(env, '.ProseMirror', 'my claude draft');

    // The hostile page: a failing ChatGPT page with the panel.
    fake.script('chatgpt.com', '/c/66', { status: 502, body: errorPage(502) });
    await page.goto('https://chatgpt.com/c/66');
    const before = await page.waitForPanel();
    expect(before.buttons).toContain('Clear site data');
    expect(await page.evaluate<number>(HOSTILE)).toBeGreaterThan(0);

    // Nothing it clicked was accepted: no confirmation opened, no reload, no data cleared.
    const after = await page.waitForPanel();
    expect(after.buttons).not.toContain('Clear cache and site storage');
    expect(after.buttons).not.toContain('Clear cookies and sign out');
    expect(await page.evaluate(() => (window as { __hostileMark?: string }).__hostileMark)).toBe(
      'still here',
    );

    // It removes the panel's host: the panel comes back.
    await page.evaluate(() => document.querySelector('gateway-guard-panel')?.remove());
    await expect
      .poll(() => page.evaluate(() => !!document.querySelector('gateway-guard-panel')))
      .toBe(true);
    expect((await page.waitForPanel()).name).toBe('502 Bad Gateway');

    // It fakes the composer on a healthy page and floods input events.
    fake.reset();
    await page.goto('https://chatgpt.com/c/67');
    await waitForContentScript(page, ['watching']);
    await page.evaluate(() => {
      const fake = document.createElement('textarea');
      fake.id = 'prompt-textarea';
      document.body.replaceChildren(fake);
      for (let i = 0; i < 5000; i++) {
        fake.value = `injected ${i}`;
        fake.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      }
    });
    // A real keystroke afterwards proves the rescue was listening all along.
    await typeInto(env, '#prompt-textarea', ' real');
    const drafts = await stored();
    expect(drafts['draft:claude /new']).toMatchObject({
      text: expect.stringContaining('my claude draft'),
    });
    const own = Object.entries(drafts).filter(([key]) => key.startsWith('draft:chatgpt '));
    expect(own.map(([, draft]) => (draft as { text: string }).text)).toEqual([
      'injected 4999 real',
    ]);
  });

  it('1,000 failing chat requests in 10 s make one notice with the right count and a small incident', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', CHAT, { status: 502, body: 'bad gateway' });
    await page.goto('https://chatgpt.com/c/69');
    await waitForContentScript(page, ['watching']);
    const statuses = await page.evaluate<number[]>(storm(1000, 9_000));
    expect(statuses.filter((s) => s === 502)).toHaveLength(1000);
    await expect
      .poll(async () => (await page.panel())?.text ?? '', { timeout: 20_000 })
      .toContain('1000 failed requests');
    const dialogs = await page.evaluate(
      () =>
        [...document.documentElement.children].filter((el) =>
          el.shadowRoot?.querySelector('[role="dialog"]'),
        ).length,
    );
    expect(dialogs).toBe(1);
    // Bounded memory: the episode is one small record however many failures it counts.
    const session = await env.inExtension<Record<string, unknown>>(`${STORAGE}.session.get(null)`);
    const incidents = Object.entries(session).filter(([key]) => key.startsWith('incident'));
    expect(incidents.length).toBeGreaterThan(0);
    for (const [, incident] of incidents) {
      expect(JSON.stringify(incident).length).toBeLessThan(8 * 1024);
    }
  });

  chromiumOnly('a stopped worker loses no incident, setting, history entry or draft', async () => {
    const { browser, fake, page } = env;
    fake.reset();
    // A setting, a history entry (an episode that ended), a draft and a running incident.
    const settings = { ...defaultSettings(), history: { keepDays: 3 } };
    await env.inExtension(`${STORAGE}.sync.set({ settings: ${JSON.stringify(settings)} })`);
    fake.script('claude.ai', '/chat/restart', CLAUDE_PAGE);
    await page.goto('https://claude.ai/chat/restart');
    await typeInto(env, '.ProseMirror', 'kept across restarts');
    fake.script('chatgpt.com', '/c/70', { status: 502, body: errorPage(502) });
    await page.goto('https://chatgpt.com/c/70');
    await page.waitForPanel();
    fake.reset();
    await page.goto('https://chatgpt.com/c/70');
    await expect
      .poll(async () => JSON.stringify(await stored()), { timeout: 10_000 })
      .toContain('"recovered"');
    fake.script('chatgpt.com', CHAT, { status: 502, body: 'bad' });
    await page.evaluate<number[]>(storm(5, 0));
    await expect
      .poll(async () => (await page.panel())?.text ?? '', { timeout: 10_000 })
      .toContain('5 failed requests');
    const before = await stored();
    const settingsBefore = await env.inExtension(`${STORAGE}.sync.get(null)`);

    await browser.restartBackground();

    expect(await env.inExtension(`${STORAGE}.sync.get(null)`)).toEqual(settingsBefore);
    expect(JSON.stringify(settingsBefore)).toContain('"keepDays":3');
    const after = await stored();
    expect(after['draft:claude /chat/restart']).toMatchObject({
      text: expect.stringContaining('kept across restarts'),
    });
    expect(JSON.stringify(after)).toContain('"recovered"');
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // The running episode goes on counting where it was.
    await page.evaluate(storm(1, 0));
    await expect
      .poll(async () => (await page.panel())?.text ?? '', { timeout: 10_000 })
      .toContain('6 failed requests');
  });

  it('the extension’s own requests go only to covered sites and their status hosts', async () => {
    const { fake, page } = env;
    fake.reset();
    const since = Date.now();
    fake.script('chatgpt.com', '/c/71', { status: 502, body: errorPage(502) });
    await page.goto('https://chatgpt.com/c/71');
    await page.waitForPanel();
    await page.goto('https://claude.ai/new');
    await waitForContentScript(page, ['watching']);
    // The covered sites (pages and chat hosts) and the status hosts they name.
    const allowed = new Set([
      ...SITES.flatMap((site) => [...site.hosts, ...(site.apiHosts ?? [])]),
      ...SITES.flatMap((site) =>
        site.status && 'url' in site.status ? [new URL(site.status.url).hostname] : [],
      ),
    ]);
    const hosts = new Set(fake.requests.filter((r) => r.time >= since).map((r) => r.host));
    expect(
      [...hosts].filter((host) => !allowed.has(host)),
      [...hosts].join(' '),
    ).toEqual([]);
  });
});
