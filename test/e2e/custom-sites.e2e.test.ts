/**
 * A site the user adds in the options gets detection and the panel like a built-in one, in
 * both browsers. Automation cannot answer a permission prompt: Firefox's test profile grants
 * the extension's request itself; in Chromium the test first allows the site on the
 * extensions page, as a user can, and the request then needs no prompt.
 */
import { describe, expect, it } from 'vitest';
import { browserNames, hasHostPermissions } from './harness/browsers.ts';
import { errorPage } from './harness/fake-sites.ts';
import { useBrowser } from './harness/fixture.ts';

/** The extension's API in an extension page of either browser. */
const API = '(globalThis.browser ?? globalThis.chrome)';

describe.each(browserNames())('custom sites in %s', (name) => {
  const env = useBrowser(name);

  it('is not watched before it is added', async () => {
    const { browser, fake, page } = env;
    fake.script('example.org', '/chat', { status: 502, body: errorPage(502) });
    await page.goto('https://example.org/chat');
    // Positive evidence that the extension cannot look: it holds no access to the origin
    // (so neither its content script nor its network listener runs there).
    expect(await hasHostPermissions(browser, ['https://example.org/*'])).toBe(false);
    expect(await page.panel()).toBeNull();
  });

  it('gets the panel on its 502 once added in the options, with network checks and the report', async () => {
    const { browser, fake, page } = env;
    await browser.allowSiteAccess('https://example.org');
    await page.goto(`${browser.extensionBase}/src/options/index.html`);
    // The options page reads the settings before it renders its form.
    await expect
      .poll(() => page.evaluate<boolean>(`!!document.querySelector('input[name="custom-origin"]')`))
      .toBe(true);
    await page.evaluate(`document.querySelector('input[name="custom-origin"]').focus()`);
    await page.type('example.org');
    await page.evaluate(`document.querySelector('input[name="custom-status"]').focus()`);
    await page.type('https://status.example.org/');
    await page.clickButton('Add site');
    await expect
      .poll(() =>
        page.evaluate<string>(
          `${API}.storage.sync.get('settings').then((s) => JSON.stringify(s.settings?.customSites ?? []))`,
        ),
      )
      .toContain('https://example.org');

    fake.script('example.org', '/chat', { status: 502, body: errorPage(502) });
    await page.goto('https://example.org/chat');
    const panel = await page.waitForPanel();
    expect(panel.name).toBe('502 Bad Gateway');
    expect(panel.buttons).toContain('Retry now');
    // The fixes built-in sites get, from the background's view of the site (the content
    // script's own registry never holds the user's sites).
    await expect
      .poll(async () => (await page.panel())?.buttons ?? [])
      .toEqual(expect.arrayContaining(['Network checks', 'Copy report']));
    expect((await page.panel())?.text).toContain('Status page');
  });

  it('gets the recovery page with every fix a built-in site gets', async () => {
    const { browser, fake, page } = env;
    // An empty 502: the browser would show its own error page, so the recovery page comes.
    fake.script('example.org', '/empty', { status: 502, body: '' });
    await page.goto('https://example.org/empty');
    await page.waitForUrl((u) => u.startsWith(browser.extensionBase));
    await page.waitForPanel();
    await expect
      .poll(async () => (await page.panel())?.buttons ?? [])
      .toEqual(
        expect.arrayContaining(['Retry now', 'Clear site data', 'Network checks', 'Copy report']),
      );
    const panel = await page.panel();
    expect(panel?.text).toContain('Status page');
    expect(panel?.text).toContain('example.org');
  });

  it('gets its trouble and the report in the popup', async () => {
    const { browser, fake, page, inExtension } = env;
    fake.script('example.org', '/chat', { status: 502, body: errorPage(502) });
    await page.goto('https://example.org/chat');
    await page.waitForPanel();
    const tabId = await inExtension<number>(
      `(async () => (await ${API}.tabs.query({ url: 'https://example.org/*' }))[0].id)()`,
    );
    const popup = await browser.newPage();
    await popup.goto(`${browser.extensionBase}/src/popup/index.html?tab=${tabId}`);
    const shown = () => popup.evaluate<string>('document.body.innerText');
    await expect.poll(shown, { timeout: 10_000 }).toContain('502 Bad Gateway');
    const buttons = await popup.evaluate<string[]>(
      `[...document.querySelectorAll('button')].map((b) => b.textContent.trim())`,
    );
    expect(buttons).toContain('Copy report');
    // The user's own site is listed with the others, linked to its status page.
    expect(
      await popup.evaluate<boolean>(
        `!![...document.querySelectorAll('.pp-status-site')].find((a) => a.textContent === 'example.org' && a.href === 'https://status.example.org/')`,
      ),
    ).toBe(true);
    await popup.close();
  });
});
