/**
 * The guided fixes: automatic retry (with Retry-After, Stop, and never for refusals) and
 * clearing one site's data, with the draft surviving both.
 */
import { describe, expect, it } from 'vitest';
import { browserNames, type TestPage } from './harness/browsers.ts';
import { errorPage, type FakeSites } from './harness/fake-sites.ts';
import { nextFrame, typeInto, useBrowser } from './harness/fixture.ts';
import { sleep } from './harness/test-page.ts';

const composerText = (page: TestPage) =>
  page.evaluate<string>(`document.getElementById('prompt-textarea')?.value ?? ''`);

/** Requests the fake saw for one page after `since`. */
function hits(fake: FakeSites, host: string, path: string, since = 0) {
  return fake.requests.filter((r) => r.host === host && r.path === path && r.time >= since);
}

/** What the page's own scripts can see of its site data. */
const SITE_DATA = `({ cookie: document.cookie, stored: localStorage.getItem('gg-test') })`;
const SET_SITE_DATA = `(() => {
  document.cookie = 'gg-test=1; path=/; max-age=3600; secure; samesite=lax';
  localStorage.setItem('gg-test', 'kept');
})()`;

describe.each(browserNames())('guided fixes in %s', (name) => {
  const env = useBrowser(name);
  const chromiumOnly = it.runIf(name === 'chromium');

  it('recovers from an outage that heals after about 8 s without a click, draft intact', async () => {
    const { fake, page } = env;
    fake.reset();
    await page.goto('https://chatgpt.com/c/20');
    await typeInto(env, '#prompt-textarea', 'my long question');
    const healsAt = Date.now() + 8000;
    fake.script('chatgpt.com', '/c/20', () =>
      Date.now() < healsAt
        ? { status: 502, body: errorPage(502) }
        : { status: 200, body: healthy() },
    );
    await page.goto('https://chatgpt.com/c/20');
    await page.waitForPanel();
    await expect
      .poll(async () => (await page.panel())?.text ?? '')
      .toMatch(/Checking again in \d+ s/);
    await page.waitForNoPanel(70_000);
    expect(Date.now()).toBeGreaterThanOrEqual(healsAt);
    await expect.poll(() => composerText(page), { timeout: 10_000 }).toBe('my long question');
  }, 90_000);

  chromiumOnly('waits for Retry-After: 6 before the first retry', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', '/c/21', {
      status: 503,
      headers: { 'retry-after': '6' },
      body: errorPage(503),
    });
    await page.goto('https://chatgpt.com/c/21');
    const first = hits(fake, 'chatgpt.com', '/c/21')[0];
    await page.waitForPanel();
    const probe = await fake.waitForRequest('chatgpt.com', '/c/21', 15_000, (first?.time ?? 0) + 1);
    expect(probe.time - (first?.time ?? 0)).toBeGreaterThanOrEqual(6000);
  });

  chromiumOnly('stops retrying when asked', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', '/c/22', { status: 502, body: errorPage(502) });
    await page.goto('https://chatgpt.com/c/22');
    // The countdown announces when the next check would be: outlast exactly that.
    const announced = await countdownSeconds(page);
    await page.clickButton('Stop retrying');
    const stoppedAt = Date.now();
    // The background confirms the stop before the panel says so.
    await expect.poll(async () => (await page.panel())?.text).toContain('Automatic retry stopped.');
    await sleep((announced + 1) * 1000);
    expect(hits(fake, 'chatgpt.com', '/c/22', stoppedAt)).toHaveLength(0);
  });

  chromiumOnly.each([
    [
      'a 429',
      { status: 429, body: '<!doctype html><title>Too Many Requests</title>Too many requests' },
    ],
    [
      'a challenge page',
      {
        status: 503,
        headers: { 'cf-mitigated': 'challenge' },
        body: '<!doctype html><title>Just a moment...</title><div id="cf-wrapper">Checking your browser</div>',
      },
    ],
  ])('never retries %s', async (_what, response) => {
    const { fake, page } = env;
    fake.reset();
    fake.script('chatgpt.com', '/c/23', response);
    await page.goto('https://chatgpt.com/c/23');
    const loadedAt = Date.now();
    // The panel has decided: no countdown and nothing to stop, so nothing is scheduled.
    const panel = await page.waitForPanel();
    expect(panel.buttons).not.toContain('Stop retrying');
    expect(panel.text).not.toMatch(/in \d+ s\b/);
    await nextFrame(page);
    expect((await page.panel())?.text).not.toMatch(/in \d+ s\b/);
    expect(hits(fake, 'chatgpt.com', '/c/23', loadedAt)).toHaveLength(0);
  });

  it('clears only this site’s data, cookies only after the warning; the draft survives', async () => {
    const { fake, page } = env;
    fake.reset();
    await page.goto('https://claude.ai/new');
    await page.evaluate(SET_SITE_DATA);
    await page.goto('https://chatgpt.com/c/24');
    await page.evaluate(SET_SITE_DATA);
    await typeInto(env, '#prompt-textarea', 'draft before the outage');
    fake.script('chatgpt.com', '/c/24', { status: 502, body: errorPage(502) });
    await page.goto('https://chatgpt.com/c/24');
    await page.waitForPanel();
    await page.clickButton('Stop retrying'); // Keep the page still while we look.

    // The site's own script pressing our buttons achieves nothing.
    await page.evaluate(`(() => {
      const root = document.querySelector('gateway-guard-panel').shadowRoot;
      for (const button of root.querySelectorAll('button')) {
        if (/Clear/.test(button.textContent)) button.click();
      }
      for (const button of root.querySelectorAll('button')) {
        if (/Clear/.test(button.textContent)) button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      }
    })()`);
    await nextFrame(page);
    expect((await page.panel())?.buttons).not.toContain('Clear cache and site storage');
    expect(await page.evaluate(SITE_DATA)).toEqual({ cookie: 'gg-test=1', stored: 'kept' });

    // Step one: cache and storage, cookies kept.
    await page.clickButton('Clear site data');
    expect(await page.evaluate(SITE_DATA)).toEqual({ cookie: 'gg-test=1', stored: 'kept' });
    await page.clickButton('Clear cache and site storage');
    await expect
      .poll(() => page.evaluate(SITE_DATA).catch(() => null), { timeout: 10_000 })
      .toEqual({ cookie: 'gg-test=1', stored: null });

    // Step two, after the warning: cookies. (Stop holds for the site's every page load
    // until the user resumes, so the reloaded page is still.)
    await page.waitForPanel();
    await page.clickButton('Clear site data');
    expect((await page.panel())?.text).toContain('signs you out');
    await page.clickButton('Clear cookies and sign out');
    await expect
      .poll(() => page.evaluate(SITE_DATA).catch(() => null), { timeout: 10_000 })
      .toEqual({ cookie: '', stored: null });

    // The draft comes back once the site does.
    fake.healthy('chatgpt.com');
    await page.goto('https://chatgpt.com/c/24');
    await expect
      .poll(() => composerText(page), { timeout: 10_000 })
      .toBe('draft before the outage');

    // Another site's data was never touched.
    await page.goto('https://claude.ai/new');
    expect(await page.evaluate(SITE_DATA)).toEqual({ cookie: 'gg-test=1', stored: 'kept' });
  }, 90_000);
});

/** The seconds the panel's countdown announces ("… in 3 s"), once it shows one. */
async function countdownSeconds(page: TestPage): Promise<number> {
  let seconds = 0;
  await expect
    .poll(async () => {
      const match = /in (\d+) s\b/.exec((await page.panel())?.text ?? '');
      seconds = Number(match?.[1] ?? 0);
      return match !== null;
    })
    .toBe(true);
  return seconds;
}

function healthy(): string {
  return `<!doctype html><html><head><title>FakeSite ChatGPT</title></head><body>
<main id="chat">Healthy conversation</main>
<form><textarea id="prompt-textarea"></textarea></form></body></html>`;
}
