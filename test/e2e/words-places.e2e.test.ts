/**
 * Words and places users trust: the compact notice is small and keeps clear of the chat's
 * composer; it speaks of the failed answer, not of a failed page.
 */
import { describe, expect, it } from 'vitest';
import { browserNames } from './harness/browsers.ts';
import { type BrowserFixture, useBrowser, waitForAnimations } from './harness/fixture.ts';
import { historyScript } from './harness/screens.ts';

const CHAT = 'https://chatgpt.com/c/77';
const API = '/backend-api/f/conversation';

/** A chat page laid out like the real ones: a wide composer fixed at the bottom centre. */
const CHAT_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Chat</title>
<style>
  body { margin: 0; font: 16px system-ui; }
  #chat { padding: 24px 24px 200px; }
  form#composer { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%);
    width: min(768px, calc(100% - 32px)); box-sizing: border-box; display: flex; gap: 8px;
    padding: 12px; border: 1px solid #ccc; border-radius: 24px; background: #fff; }
  #prompt-textarea { flex: 1; min-height: 56px; border: 0; resize: none; font: inherit; }
  #send { align-self: flex-end; width: 40px; height: 40px; border-radius: 50%; }
</style></head><body>
<main id="chat"><p>Earlier question and answer.</p></main>
<form id="composer" onsubmit="return false">
  <textarea id="prompt-textarea" placeholder="Ask anything"></textarea>
  <button id="send" type="submit" aria-label="Send">↑</button>
</form></body></html>`;

function post(path: string): string {
  return `fetch(${JSON.stringify(path)}, { method: 'POST', body: '{}' }).then((r) => r.status, () => 0)`;
}

interface Layout {
  notice: { top: number; left: number; width: number; height: number } | null;
  overlapsComposer: boolean;
  sendButtonHit: boolean;
  text: string;
}

/** The compact notice's box, and whether it covers the composer or its send button. */
const MEASURE = `(() => {
  const host = document.querySelector('gateway-guard-panel');
  const panel = host && host.shadowRoot && host.shadowRoot.querySelector('.gg-panel');
  const form = document.getElementById('composer').getBoundingClientRect();
  const send = document.getElementById('send').getBoundingClientRect();
  if (!panel) return { notice: null, overlapsComposer: false, sendButtonHit: false, text: '' };
  const box = panel.getBoundingClientRect();
  const overlaps = !(box.right <= form.left || box.left >= form.right || box.bottom <= form.top || box.top >= form.bottom);
  const hit = document.elementFromPoint(send.left + send.width / 2, send.top + send.height / 2);
  return {
    notice: { top: box.top, left: box.left, width: box.width, height: box.height },
    overlapsComposer: overlaps,
    sendButtonHit: hit === document.getElementById('send'),
    text: panel.innerText,
  };
})()`;

async function failedAnswer(env: BrowserFixture, width: number, height: number): Promise<Layout> {
  const { fake, page } = env;
  fake.reset();
  fake.script('chatgpt.com', '/c/77', { status: 200, body: CHAT_PAGE });
  fake.script('chatgpt.com', API, { status: 502, body: 'bad gateway' });
  await page.setViewport(width, height);
  await page.goto(CHAT);
  expect(await page.evaluate(post(API))).toBe(502);
  await page.waitForPanel();
  await waitForAnimations(page);
  return page.evaluate<Layout>(MEASURE);
}

describe.each(browserNames())('the compact notice in %s (English)', (name) => {
  const env = useBrowser(name);

  it.each([
    [1280, 800],
    [360, 640],
  ])('at %i × %i is at most 220 px tall and keeps clear of the composer', async (w, h) => {
    const layout = await failedAnswer(env, w, h);
    console.log(`[${name}] compact notice ${w}×${h} (en):`, JSON.stringify(layout.notice));
    expect(layout.notice).not.toBeNull();
    expect(layout.notice?.height).toBeLessThanOrEqual(220);
    expect(layout.overlapsComposer).toBe(false);
    expect(layout.sendButtonHit).toBe(true);
    // It speaks of the failed answer: the page itself loaded fine.
    expect(layout.text).toMatch(/your message/);
    expect(layout.text).not.toMatch(/this page|Automatic retry/);
    await env.page.clickButton('Dismiss');
    await env.page.waitForNoPanel();
  });
});

/** The chat page, counting each time a panel host is put into it. */
const COUNTING_PAGE = CHAT_PAGE.replace(
  '</style>',
  `</style><script>
  window.__panelsAdded = 0;
  new MutationObserver((changes) => {
    for (const c of changes) for (const n of c.addedNodes)
      if (n.nodeName === 'GATEWAY-GUARD-PANEL') window.__panelsAdded++;
  }).observe(document.documentElement, { childList: true });
</script>`,
);

describe.each(browserNames())('a reload after a failed answer in %s', (name) => {
  const env = useBrowser(name);

  it('does not flash the notice of the page before it', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', '/c/78', { status: 200, body: COUNTING_PAGE });
    fake.script('chatgpt.com', API, { status: 502, body: 'bad gateway' });
    await page.goto('https://chatgpt.com/c/78');
    expect(await page.evaluate(post(API))).toBe(502);
    await page.waitForPanel();
    // The user reloads; the next answer fails again (a signal that all earlier news of the
    // tab has reached the page: the background tells it in order).
    await page.goto('https://chatgpt.com/c/78');
    expect(await page.evaluate(post(API))).toBe(502);
    await page.waitForPanel();
    expect(await page.evaluate<number>('window.__panelsAdded')).toBe(1);
  });
});

interface RecoveryView {
  title: string;
  lang: string;
  head: string;
  cards: number;
  brand: boolean;
}

const RECOVERY_VIEW = `(() => {
  const host = document.querySelector('gateway-guard-panel');
  const root = host && host.shadowRoot ? host.shadowRoot : document;
  return {
    title: document.title,
    lang: document.documentElement.lang,
    head: (document.querySelector('.gg-recovery-head') || {}).textContent || '',
    cards: root.querySelectorAll('.gg-panel').length,
    brand: !!root.querySelector('.gg-panel .gg-brand'),
  };
})()`;

async function openRecovery(env: BrowserFixture, host: string, path: string, reset = false) {
  const { browser, fake, page } = env;
  fake.reset();
  fake.script(
    host,
    path.split('?')[0] ?? path,
    reset ? { reset: true } : { status: 502, body: '' },
  );
  await page.setViewport(1280, 800);
  await page.goto(`https://${host}${path}`);
  await page.waitForUrl((u) => u.startsWith(browser.extensionBase));
  await page.waitForPanel();
  return page.evaluate<RecoveryView>(RECOVERY_VIEW);
}

describe.each(browserNames())('the recovery page in %s (English)', (name) => {
  const env = useBrowser(name);

  it('names the site and the failed address, titles the tab by site and code', async () => {
    const view = await openRecovery(env, 'chatgpt.com', '/c/6a1b2c3d?q=private');
    expect(view.title).toBe('ChatGPT · 502');
    expect(view.lang).toMatch(/^en\b/);
    expect(view.head).toContain('ChatGPT');
    expect(view.head).toContain('chatgpt.com/c/:id');
    expect(view.head).not.toMatch(/6a1b2c3d|private/);
  });

  it('names the host after a connection reset', async () => {
    const view = await openRecovery(env, 'chat.deepseek.com', '/', true);
    expect(view.title).toBe('DeepSeek · Connection reset');
    expect(view.head).toContain('chat.deepseek.com/');
  });

  it('keeps the branded card after Dismiss', async () => {
    // Another site than the tests before: their automatic recovery may still bring tabs back.
    await openRecovery(env, 'claude.ai', '/chat/abc123');
    await env.page.clickButton('Dismiss');
    await expect
      .poll(() => env.page.evaluate<RecoveryView>(RECOVERY_VIEW))
      .toMatchObject({ cards: 1, brand: true });
    const view = await env.page.evaluate<RecoveryView>(RECOVERY_VIEW);
    expect(view.head).toContain('claude.ai/chat/:id');
  });
});

describe.each(browserNames())('the details support asks for in %s', (name) => {
  const env = useBrowser(name);
  const RAY = '8f1e2d3c4b5a6978-FRA';

  it('the copied report and Technical details carry the failing response’s trace id', async () => {
    const { browser, fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', '/c/trace1', {
      status: 502,
      body: '',
      headers: { 'cf-ray': RAY, server: 'cloudflare', 'set-cookie': 'session=topsecret' },
    });
    await page.setViewport(1280, 800);
    await page.goto('https://chatgpt.com/c/trace1');
    await page.waitForUrl((u) => u.startsWith(browser.extensionBase));
    await page.waitForPanel();
    // The recovery page is the extension's own: its clipboard is ours to watch. The report
    // is what support gets, copied there or shown selectable in the panel where the browser
    // refuses the clipboard. A page drawn anew meanwhile loses the watcher: watch again.
    let report: string | null = null;
    for (let attempt = 0; attempt < 3 && report === null; attempt++) {
      await page.evaluate(`(() => {
        window.__copied = null;
        navigator.clipboard.writeText = async (text) => { window.__copied = text; };
      })()`);
      await page.clickButton('Copy report');
      report = await page.evaluate<string | null>(`(async () => {
        const shown = () => {
          const host = document.querySelector('gateway-guard-panel');
          const root = host && host.shadowRoot ? host.shadowRoot : document;
          const text = root.querySelector('.gg-report-text');
          return text ? text.value : null;
        };
        for (let i = 0; i < 60 && (window.__copied ?? shown() ?? null) === null; i++) {
          await new Promise((r) => setTimeout(r, 50));
        }
        return window.__copied ?? shown() ?? null;
      })()`);
    }
    expect(report).toContain(`- cf-ray: ${RAY}`);
    expect(report).toContain('- server: cloudflare');
    expect(report).not.toContain('topsecret');
    const details = await page.evaluate<string>(`(() => {
      const host = document.querySelector('gateway-guard-panel');
      const root = host && host.shadowRoot ? host.shadowRoot : document;
      const tech = root.querySelector('details.gg-tech');
      return tech ? tech.textContent : '';
    })()`);
    expect(details).toContain('Technical details');
    expect(details).toContain(RAY);
    expect(details).toContain('502');
    expect(details).not.toContain('topsecret');
  });

  it('a failed chat request’s Technical details carry its trace id', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', '/c/77', { status: 200, body: CHAT_PAGE });
    fake.script('chatgpt.com', API, {
      status: 503,
      body: 'busy',
      headers: { 'x-request-id': 'req_abc123', 'set-cookie': 'session=topsecret' },
      // A slow answer: Technical details say how long the request took.
      delayMs: 400,
    });
    await page.goto(CHAT);
    expect(await page.evaluate(post(API))).toBe(503);
    await page.waitForPanel();
    await page.clickButton('More fixes');
    const details = await page.evaluate<string>(`(async () => {
      for (let i = 0; i < 100; i++) {
        const host = document.querySelector('gateway-guard-panel');
        const tech = host && host.shadowRoot && host.shadowRoot.querySelector('details.gg-tech');
        if (tech && tech.textContent.includes('req_abc123')) return tech.textContent;
        await new Promise((r) => setTimeout(r, 50));
      }
      return '';
    })()`);
    expect(details).toContain('x-request-id');
    expect(details).toContain('req_abc123');
    expect(details).not.toContain('topsecret');
    const took = /Request took(\d+) ms/.exec(details);
    expect(took, details).not.toBeNull();
    expect(Number(took?.[1])).toBeGreaterThanOrEqual(400);
  });
});

// Firefox ships without other languages' packs here: German is checked in Chromium.
describe.each(browserNames().filter((n) => n === 'chromium'))(
  'the compact notice in %s (German)',
  (name) => {
    const env = useBrowser(name, { locale: 'de' });

    it('at 1280 × 800 is at most 220 px tall and keeps clear of the composer', async () => {
      const layout = await failedAnswer(env, 1280, 800);
      console.log(`[${name}] compact notice 1280×800 (de):`, JSON.stringify(layout.notice));
      expect(layout.text).toMatch(/Erneut versuchen|Schließen/);
      expect(layout.notice?.height).toBeLessThanOrEqual(220);
      expect(layout.overlapsComposer).toBe(false);
      expect(layout.sendButtonHit).toBe(true);
    });

    it('the recovery page speaks German, and says so in <html lang>', async () => {
      const view = await openRecovery(env, 'chatgpt.com', '/c/1');
      expect(view.lang).toBe('de');
      expect(view.title).toBe('ChatGPT · 502');
      expect(view.head).toContain('Fehlgeschlagene Adresse');
    });
  },
);

interface PopupFit {
  width: number;
  height: number;
  rows: number;
  statuses: number;
  /** Lines or cells whose text runs past their box (cut off). */
  cut: string[];
  /** Elements that reach past the popup's right edge. */
  outside: string[];
}

const POPUP_FIT = `(() => {
  const cut = [...document.querySelectorAll('.pp-status-line, .pp-status-site, .pp-history td, .pp-card p')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent);
  const outside = [...document.querySelectorAll('.pp *')]
    .filter((el) => el.getBoundingClientRect().right > 380.5)
    .map((el) => el.tagName + ' ' + (el.textContent || '').slice(0, 40));
  return {
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    rows: document.querySelectorAll('.pp-history tbody tr').length,
    statuses: document.querySelectorAll('.pp-status-line').length,
    cut,
    outside,
  };
})()`;

/** Five ended incidents, the kinds with the longest words. */
const FIVE_INCIDENTS = historyScript(5);

// Chromium takes the UI language from --lang (Firefox here has no other language packs).
const POPUP_LOCALES = browserNames().includes('chromium')
  ? ['en', 'de', 'fr', 'es', 'ja', 'zh-CN']
  : [];
describe.skipIf(POPUP_LOCALES.length === 0).each(POPUP_LOCALES.length > 0 ? POPUP_LOCALES : ['en'])(
  'the popup in Chromium (%s)',
  (locale) => {
    const env = useBrowser('chromium', { locale });

    it('fits 380 × 600 with a failing tab and five incidents: no scroll, nothing cut off', async () => {
      const { browser, fake, page } = env;
      fake.reset();
      fake.script('claude.ai', '/new', { status: 503, body: '<h1>503</h1>' });
      await page.goto('https://claude.ai/new');
      await page.waitForPanel();
      await env.inExtension(FIVE_INCIDENTS);
      const tabId = await env.inExtension<number>(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      return (await api.tabs.query({ url: 'https://claude.ai/*' }))[0].id;
    })()`);
      const popup = await browser.newPage();
      await popup.setViewport(380, 600);
      await popup.goto(`${browser.extensionBase}/src/popup/index.html?tab=${tabId}`);
      await expect
        .poll(() => popup.evaluate<PopupFit>(POPUP_FIT), { timeout: 10_000 })
        .toMatchObject({ rows: 5, statuses: 12 });
      await waitForAnimations(popup);
      const fit = await popup.evaluate<PopupFit>(POPUP_FIT);
      console.log(`[chromium] popup (${locale}): ${fit.width} × ${fit.height}`);
      expect(fit.cut).toEqual([]);
      expect(fit.outside).toEqual([]);
      expect(fit.width).toBeLessThanOrEqual(380);
      expect(fit.height).toBeLessThanOrEqual(600);
      await popup.close();
    });
  },
);
