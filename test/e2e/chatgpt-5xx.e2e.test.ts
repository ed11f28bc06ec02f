/**
 * The first rescue, in both browsers: chatgpt.com answers a page load with a 5xx.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browserNames } from './harness/browsers.ts';
import { errorPage } from './harness/fake-sites.ts';
import { useBrowser, waitForContentScript } from './harness/fixture.ts';

const CHAT = 'https://chatgpt.com/c/1234';

describe.each(browserNames())('ChatGPT 5xx in %s', (name) => {
  const env = useBrowser(name);

  beforeAll(async () => {
    // These tests are about the user's own Retry now: automatic recovery, which brings the
    // tab back by itself once the site answers, would race the click.
    await env.inExtension(
      `(globalThis.browser ?? globalThis.chrome).storage.sync.set({ settings: { version: 3, autoRetry: { enabled: false, limitMinutes: 120 } } })`,
    );
  });

  it('shows the panel over an HTML 502, named by its code, with Retry now and Dismiss', async () => {
    const { fake, page } = env;
    fake.script('chatgpt.com', '/c/1234', { status: 502, body: errorPage(502) });
    const started = Date.now();
    await page.goto(CHAT);
    const panel = await page.waitForPanel();
    console.log(`[${name}] panel visible ${Date.now() - started} ms after navigation start`);
    expect(panel.name).toBe('502 Bad Gateway');
    expect(panel.buttons).toEqual(expect.arrayContaining(['Retry now', 'Dismiss']));
    expect(panel.inShadowRoot).toBe(true);
    expect(panel.hostIsChildOfHtml).toBe(true);
    expect(panel.text).toMatch(/gateway or proxy/i);
    expect(panel.text).toMatch(/chatgpt\.com's side/);
  });

  it('Retry now after the site turned healthy leaves a healthy page without the panel', async () => {
    const { fake, page } = env;
    fake.script('chatgpt.com', '/c/1234', { status: 502, body: errorPage(502) });
    await page.goto(CHAT);
    await page.waitForPanel();
    fake.healthy('chatgpt.com');
    await page.clickButton('Retry now');
    await page.waitForNoPanel();
    await expect.poll(() => page.evaluate(() => document.title)).toBe('FakeSite ChatGPT');
    expect(await page.panel()).toBeNull();
  });

  it('Escape and Dismiss close the panel', async () => {
    const { fake, page } = env;
    fake.script('chatgpt.com', '/c/1234', { status: 503, body: errorPage(503) });
    await page.goto(CHAT);
    expect((await page.waitForPanel()).name).toBe('503 Service Unavailable');
    await page.press('Escape');
    await page.waitForNoPanel();
    await page.goto(CHAT);
    await page.waitForPanel();
    await page.clickButton('Dismiss');
    await page.waitForNoPanel();
  });

  it('shows no panel on a healthy page', async () => {
    const { fake, page } = env;
    fake.healthy('chatgpt.com');
    await page.goto(CHAT);
    // The content script has looked at the page and settled on "healthy" before we check.
    await waitForContentScript(page, ['watching']);
    expect(await page.panel()).toBeNull();
  });

  it('sends an empty-body 502 to the recovery page, whose Retry now returns once healthy', async () => {
    const { browser, fake, page } = env;
    fake.script('chatgpt.com', '/c/1234', { status: 502, body: '' });
    await page.goto(CHAT);
    const recovery = await page.waitForUrl((u) => u.startsWith(browser.extensionBase));
    expect(new URL(recovery).searchParams.get('url')).toBe(CHAT);
    const panel = await page.waitForPanel();
    expect(panel.name).toBe('502 Bad Gateway');
    expect(panel.buttons).toEqual(expect.arrayContaining(['Retry now', 'Dismiss']));

    fake.healthy('chatgpt.com');
    await page.clickButton('Retry now');
    await page.waitForUrl((u) => u === CHAT);
    await expect.poll(() => page.evaluate(() => document.title)).toBe('FakeSite ChatGPT');
    expect(await page.panel()).toBeNull();
  });
});
