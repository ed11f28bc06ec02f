/**
 * A site the user adds in the options gets detection and the panel like a built-in one.
 * Firefox: its test profile grants the optional host permission without a prompt
 * (Chromium offers automation no way to answer the permission prompt).
 */
import { describe, expect, it } from 'vitest';
import { browserNames, hasHostPermissions } from './harness/browsers.ts';
import { errorPage } from './harness/fake-sites.ts';
import { useBrowser } from './harness/fixture.ts';

describe.runIf(browserNames().includes('firefox'))('custom sites in firefox', () => {
  const env = useBrowser('firefox');

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
    await page.goto(`${browser.extensionBase}/src/options/index.html`);
    // The options page reads the settings before it renders its form.
    await expect
      .poll(() => page.evaluate<boolean>(`!!document.querySelector('input[name="custom-origin"]')`))
      .toBe(true);
    await page.evaluate(`document.querySelector('input[name="custom-origin"]').focus()`);
    await page.type('example.org');
    await page.clickButton('Add site');
    await expect
      .poll(() =>
        page.evaluate<string>(
          `browser.storage.sync.get('settings').then((s) => JSON.stringify(s.settings?.customSites ?? []))`,
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
  });
});
