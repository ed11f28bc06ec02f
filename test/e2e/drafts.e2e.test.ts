/**
 * Draft rescue end to end: what the user types in the composer of ChatGPT, Claude and
 * Gemini comes back after a reload, a 502 and the recovery page; a successful send forgets
 * it; nothing typed in any other field is ever stored.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browserNames, type TestPage } from './harness/browsers.ts';
import { errorPage, siteTitle } from './harness/fake-sites.ts';
import { typeInto, useBrowser, waitForContentScript } from './harness/fixture.ts';

interface SiteCase {
  host: string;
  /** The composer as the real site renders it (the fake's default page has a textarea). */
  composer: string;
  /** What the composer holds when empty (an editor keeps an empty line open with <br>). */
  empty: string;
  selector: string;
}

const SITES: Record<'chatgpt' | 'claude' | 'gemini', SiteCase> = {
  chatgpt: {
    host: 'chatgpt.com',
    composer: '<form><textarea id="prompt-textarea">$TEXT</textarea></form>',
    empty: '',
    selector: '#prompt-textarea',
  },
  claude: {
    host: 'claude.ai',
    composer: '<div contenteditable="true" class="ProseMirror"><p>$TEXT</p></div>',
    empty: '<br>',
    selector: '.ProseMirror',
  },
  gemini: {
    host: 'gemini.google.com',
    composer:
      '<rich-textarea><div class="ql-editor" contenteditable="true" role="textbox"><p>$TEXT</p></div></rich-textarea>',
    empty: '<br>',
    selector: 'rich-textarea .ql-editor',
  },
};

/** A healthy page of `site` whose composer already holds `text`. */
function sitePage(site: SiteCase, text = ''): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${siteTitle(site.host)}</title></head>
<body>
<main id="chat">Healthy conversation</main>
${site.composer.replace('$TEXT', text || site.empty)}
</body>
</html>
`;
}

/** The composer's text as the user sees it. */
const composerText = (page: TestPage, site: SiteCase) =>
  page.evaluate<string | null>(`(() => {
    const el = document.querySelector(${JSON.stringify(site.selector)});
    if (!el) return null;
    return (el.tagName === 'TEXTAREA' ? el.value : el.innerText).trim();
  })()`);

describe.each(browserNames())('draft rescue in %s', (name) => {
  const env = useBrowser(name);
  /** An extension page, where storage.local can be read as the extension sees it. */
  let extension: TestPage;
  const chromiumOnly = it.runIf(name === 'chromium');

  const storedDrafts = () =>
    extension.evaluate<Record<string, { text: string }>>(
      '(globalThis.browser ?? chrome).storage.local.get(null)',
    );

  /** Opens `path` on the site, with the site's own kind of composer holding `text`. */
  async function open(site: SiteCase, path: string, text = '') {
    env.fake.script(site.host, path, { status: 200, body: sitePage(site, text) });
    await env.page.goto(`https://${site.host}${path}`);
  }

  beforeAll(async () => {
    extension = await env.browser.newPage();
    await extension.goto(`${env.browser.extensionBase}/src/recovery/index.html`);
  });

  // Firefox covers a textarea and a contenteditable composer; Chromium every site.
  const reloadCases: Array<[string, SiteCase, string]> =
    name === 'chromium'
      ? [
          ['ChatGPT', SITES.chatgpt, '/c/101'],
          ['Claude', SITES.claude, '/chat/102'],
          ['Gemini', SITES.gemini, '/app/103'],
        ]
      : [
          ['ChatGPT', SITES.chatgpt, '/c/101'],
          ['Claude', SITES.claude, '/chat/102'],
        ];

  it.each(reloadCases)('%s: typed text survives a reload', async (_, site, path) => {
    const { fake, page } = env;
    fake.reset();
    await open(site, path);
    await typeInto(env, site.selector, 'Draft that must survive');
    await open(site, path);
    await expect
      .poll(() => composerText(page, site), { timeout: 10_000 })
      .toBe('Draft that must survive');
    expect(await page.panel()).toBeNull();
  });

  it('ChatGPT: a draft survives the page answering 502, and is refilled once healthy', async () => {
    const { fake, page } = env;
    fake.reset();
    await page.goto('https://chatgpt.com/c/104');
    await typeInto(env, '#prompt-textarea', 'Survives the outage');
    fake.script('chatgpt.com', '/c/104', { status: 502, body: errorPage(502) });
    await page.goto('https://chatgpt.com/c/104');
    expect((await page.waitForPanel()).name).toBe('502 Bad Gateway');
    fake.healthy('chatgpt.com');
    await page.goto('https://chatgpt.com/c/104');
    await expect
      .poll(() => composerText(page, SITES.chatgpt), { timeout: 10_000 })
      .toBe('Survives the outage');
  });

  chromiumOnly('ChatGPT: a draft survives the recovery page round trip', async () => {
    const { browser, fake, page } = env;
    fake.reset();
    await page.goto('https://chatgpt.com/c/105');
    await typeInto(env, '#prompt-textarea', 'Back from recovery');
    fake.script('chatgpt.com', '/c/105', { status: 502, body: '' });
    await page.goto('https://chatgpt.com/c/105');
    await page.waitForUrl((u) => u.startsWith(browser.extensionBase));
    await page.waitForPanel();
    // Retry by hand: automatic retry would otherwise race the click once the site is back.
    await page.clickButton('Stop retrying');
    fake.healthy('chatgpt.com');
    await page.clickButton('Retry now');
    await page.waitForUrl((u) => u === 'https://chatgpt.com/c/105');
    await expect
      .poll(() => composerText(page, SITES.chatgpt), { timeout: 10_000 })
      .toBe('Back from recovery');
  });

  const offerCases: Array<[string, SiteCase, string]> =
    name === 'chromium'
      ? [
          ['ChatGPT', SITES.chatgpt, '/c/106'],
          ['Claude', SITES.claude, '/chat/107'],
          ['Gemini', SITES.gemini, '/app/108'],
        ]
      : [['ChatGPT', SITES.chatgpt, '/c/106']];

  it.each(offerCases)(
    '%s: with other text in the composer, offers the draft and restores it',
    async (_, site, path) => {
      const { fake, page } = env;
      fake.reset();
      await open(site, path);
      await typeInto(env, site.selector, 'My careful draft');
      // The site itself puts other text in the composer on the next load.
      await open(site, path, 'Text the site put there');
      const offer = await page.waitForPanel();
      expect(offer.name).toBe('Restore your draft?');
      expect(offer.buttons).toEqual(['Restore draft', 'Dismiss']);
      expect(offer.text).toContain('My careful draft');
      expect(offer.inShadowRoot).toBe(true);
      expect(offer.hostIsChildOfHtml).toBe(true);
      // Nothing was replaced without asking, and focus stayed out of the notice.
      expect(await composerText(page, site)).toBe('Text the site put there');
      expect(await page.evaluate<string>('document.activeElement?.tagName ?? ""')).not.toBe(
        'GATEWAY-GUARD-DRAFT',
      );
      await page.clickButton('Restore draft');
      await page.waitForNoPanel();
      await expect.poll(() => composerText(page, site)).toBe('My careful draft');
    },
  );

  chromiumOnly('Escape inside the offer dismisses it and keeps the site’s text', async () => {
    const { fake, page } = env;
    fake.reset();
    await open(SITES.chatgpt, '/c/109');
    await typeInto(env, '#prompt-textarea', 'Offered, then dismissed');
    await open(SITES.chatgpt, '/c/109', 'Site text');
    await page.waitForPanel();
    await page.evaluate(
      `document.querySelector('gateway-guard-draft').shadowRoot.querySelector('button').focus()`,
    );
    await page.press('Escape');
    await page.waitForNoPanel();
    expect(await composerText(page, SITES.chatgpt)).toBe('Site text');
  });

  /** What a site does on send: empty the composer, then POST the message. */
  const SEND = `(async () => {
    document.getElementById('prompt-textarea').value = '';
    const response = await fetch('/backend-api/f/conversation', { method: 'POST', body: '{}' });
    return response.status;
  })()`;

  it('ChatGPT: after a successful send the draft is gone on the next load', async () => {
    const { fake, page } = env;
    fake.reset();
    await page.goto('https://chatgpt.com/c/110');
    await typeInto(env, '#prompt-textarea', 'Sent for real');
    expect((await storedDrafts())['draft:chatgpt /c/110']?.text).toBe('Sent for real');
    expect(await page.evaluate<number>(SEND)).toBe(200);
    await expect
      .poll(async () => Object.keys(await storedDrafts()), { timeout: 10_000 })
      .not.toContain('draft:chatgpt /c/110');
    await page.goto('https://chatgpt.com/c/110');
    // The content script and its draft rescue have looked at the page (no draft is stored
    // for it any more, so there is nothing a wrong refill could bring back).
    await waitForContentScript(page, ['watching']);
    expect(await composerText(page, SITES.chatgpt)).toBe('');
  });

  chromiumOnly('ChatGPT: after a failed send the draft is kept and refilled', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', '/backend-api/f/conversation', { status: 502, body: '' });
    await page.goto('https://chatgpt.com/c/111');
    await typeInto(env, '#prompt-textarea', 'Send failed');
    expect(await page.evaluate<number>(SEND)).toBe(502);
    await page.waitForPanel();
    expect((await storedDrafts())['draft:chatgpt /c/111']?.text).toBe('Send failed');
    fake.reset();
    await page.goto('https://chatgpt.com/c/111');
    await expect
      .poll(() => composerText(page, SITES.chatgpt), { timeout: 10_000 })
      .toBe('Send failed');
  });

  it('never stores text typed into another field of the page', async () => {
    const { fake, page } = env;
    fake.reset();
    await page.goto('https://chatgpt.com/c/112');
    await page.evaluate(`(() => {
      const search = document.createElement('input');
      search.id = 'search';
      document.body.prepend(search);
    })()`);
    await typeInto(env, '#search', 'secret search words', { saved: false });
    await typeInto(env, '#prompt-textarea', 'composer words');
    const stored = JSON.stringify(await storedDrafts());
    expect(stored).toContain('composer words');
    expect(stored).not.toContain('secret');
  });
});
