/**
 * A site the user adds in the options gets detection and the panel like a built-in one.
 * Firefox: its test profile grants the optional host permission without a prompt
 * (Chromium offers automation no way to answer the permission prompt).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser, type TestPage } from './harness/browsers.ts';
import { extensionDirFor } from './harness/extension-dir.ts';
import { errorPage, type FakeSites, startFakeSites } from './harness/fake-sites.ts';

describe.runIf((process.env.E2E_BROWSERS ?? 'firefox').includes('firefox'))(
  'custom sites in firefox',
  () => {
    let fake: FakeSites;
    let browser: TestBrowser;
    let page: TestPage;

    beforeAll(async () => {
      fake = await startFakeSites();
      browser = await launchBrowser('firefox', {
        extensionDir: extensionDirFor('firefox'),
        fakePort: fake.port,
      });
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await fake?.close();
    });

    it('is not watched before it is added', async () => {
      fake.script('example.org', '/chat', { status: 502, body: errorPage(502) });
      await page.goto('https://example.org/chat');
      await new Promise((r) => setTimeout(r, 1500));
      expect(await page.panel()).toBeNull();
    });

    it('gets the panel on its 502 once added in the options', async () => {
      await page.goto(`${browser.extensionBase}/src/options/index.html`);
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
    });
  },
);
