import { readFile, rm, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkServerIdentity } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserNames,
  hasHostPermissions,
  isBrowserErrorPage,
  PING_PAGE,
} from './harness/browsers.ts';
import { startConnectProxy } from './harness/connect-proxy.ts';
import { pingBackground } from './harness/extension-page.ts';
import {
  errorPage,
  FAKE_HOSTS,
  type FakeSites,
  siteTitle,
  startFakeSites,
} from './harness/fake-sites.ts';
import { useBrowser } from './harness/fixture.ts';
import { writeThrowawayExtension } from './harness/throwaway-extension.ts';

/** Longest a goto may take on a broken site before we call it a hang. */
const NO_HANG_MS = 10_000;

const responseStatus = "performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0";

/**
 * One request straight to the fake (no browser), trusting its self-signed certificate and
 * checking that the certificate names `host` (except for hosts the fake does not know).
 */
function fetchFake(fake: FakeSites, host: string, path: string) {
  const known = (FAKE_HOSTS as readonly string[]).includes(host);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: fake.port,
          path,
          servername: host,
          ca: fake.cert,
          headers: { host },
          checkServerIdentity: known ? checkServerIdentity : () => undefined,
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString('utf8');
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('fake sites and CONNECT proxy (no browser)', () => {
  let fake: FakeSites;
  beforeAll(async () => {
    fake = await startFakeSites();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('serves each known host its healthy page under a certificate naming it', async () => {
    const page = await fetchFake(fake, 'claude.ai', '/new');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<title>${siteTitle('claude.ai')}</title>`);
    expect(page.body).toContain('<main id="chat">Healthy conversation</main>');
    expect(page.body).toContain('<textarea id="prompt-textarea"></textarea>');
    expect((await fetchFake(fake, 'chatgpt.com', '/')).body).toContain('FakeSite ChatGPT');
  });

  it('answers /api/ and /backend-api/ with JSON and unknown hosts with 421', async () => {
    const api = await fetchFake(fake, 'chatgpt.com', '/backend-api/me?x=1');
    expect(api.headers['content-type']).toBe('application/json');
    expect(JSON.parse(api.body)).toEqual({ ok: true });
    expect((await fetchFake(fake, 'status.openai.com', '/api/v2/status.json')).body).toBe(
      '{"ok":true}',
    );
    expect((await fetchFake(fake, 'unknown.example', '/')).status).toBe(421);
  });

  it('scripts per path or host-wide, logs requests, and resets', async () => {
    fake.script('chatgpt.com', '*', { status: 503, body: errorPage(503) });
    fake.script('chatgpt.com', '/empty', { status: 502, body: '' });
    fake.script('poe.com', '/api/gql_POST', (req) => ({
      status: 500,
      body: `{"m":"${req.method}"}`,
    }));

    const empty = await fetchFake(fake, 'chatgpt.com', '/empty?q=1');
    expect(empty.status).toBe(502);
    expect(empty.headers['content-length']).toBe('0');
    expect(empty.body).toBe('');
    const any = await fetchFake(fake, 'chatgpt.com', '/c/123');
    expect(any.status).toBe(503);
    expect(any.body).toContain('503 Service Unavailable');
    expect((await fetchFake(fake, 'poe.com', '/api/gql_POST')).body).toBe('{"m":"GET"}');

    const since = Date.now();
    const seen = fake.waitForRequest('chatgpt.com', '/late', 2_000, since);
    await fetchFake(fake, 'chatgpt.com', '/late');
    expect((await seen).method).toBe('GET');
    expect(fake.requests.some((r) => r.host === 'poe.com' && r.path === '/api/gql_POST')).toBe(
      true,
    );

    fake.healthy('chatgpt.com');
    expect((await fetchFake(fake, 'chatgpt.com', '/empty')).status).toBe(200);
    expect((await fetchFake(fake, 'poe.com', '/api/gql_POST')).status).toBe(500);
    fake.reset();
    expect((await fetchFake(fake, 'poe.com', '/api/gql_POST')).status).toBe(200);
  });

  it('can drop the connection without answering', async () => {
    fake.script('grok.com', '/', { destroy: true });
    await expect(fetchFake(fake, 'grok.com', '/')).rejects.toThrow(/socket hang up|ECONNRESET/);
    fake.reset();
  });

  it('proxies CONNECT to allowed hosts on 443 only, and nothing else', async () => {
    const proxy = await startConnectProxy(fake.port, ['chatgpt.com']);
    const ask = (method: string, path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: proxy.port, method, path });
        req.on('connect', (res, socket) => {
          socket.destroy();
          resolve(res.statusCode ?? 0);
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await ask('CONNECT', 'chatgpt.com:443')).toBe(200);
      expect(await ask('CONNECT', 'example.com:443')).toBe(403);
      expect(await ask('CONNECT', 'chatgpt.com:80')).toBe(403);
      expect(await ask('GET', 'http://chatgpt.com/')).toBe(405);
      expect(proxy.connects).toEqual(['chatgpt.com:443', 'example.com:443', 'chatgpt.com:80']);
    } finally {
      await proxy.close();
    }
  });
});

describe.each(browserNames())('harness in %s', (name) => {
  let extensionDir: string | undefined;
  const env = useBrowser(name, {
    extensionDir: async () => {
      extensionDir = await writeThrowawayExtension(name);
      return extensionDir;
    },
  });
  afterAll(async () => {
    if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
  });

  it('names the browser build, the URL and the reason when an extension page cannot open', async () => {
    const { browser } = env;
    expect(browser.version).toMatch(/^(Chromium|Mozilla Firefox) \d+\./);
    const bogus =
      name === 'chromium'
        ? 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
        : 'moz-extension://00000000-0000-4000-8000-000000000000';
    const error = await pingBackground(browser.version, bogus, () => browser.newPage(), 3_000).then(
      () => null,
      (e: unknown) => String(e),
    );
    expect(error).toContain(browser.version);
    expect(error).toContain(`${bogus}/${PING_PAGE}`);
    // A reason after the URL, not a bare timeout.
    expect(error).toMatch(new RegExp(`${PING_PAGE.replaceAll('.', '\\.')}: \\S`));
    expect(error).not.toMatch(/api is undefined/);
  });

  it('grants the extension its host permissions', async () => {
    const { browser } = env;
    expect(await hasHostPermissions(browser, ['https://chatgpt.com/*'])).toBe(true);
  });

  it('serves chatgpt.com under its real hostname over HTTPS', async () => {
    const { fake, page } = env;
    const since = Date.now();
    await page.goto('https://chatgpt.com/');
    expect(page.url()).toBe('https://chatgpt.com/');
    expect(await page.evaluate('location.origin')).toBe('https://chatgpt.com');
    expect(await page.evaluate('document.title')).toBe('FakeSite ChatGPT');
    expect(await page.evaluate(responseStatus)).toBe(200);
    await fake.waitForRequest('chatgpt.com', '/', 1_000, since);
    expect(await page.panel()).toBeNull();
  });

  it('sees a scripted 502 HTML page with its status and finds the panel', async () => {
    const { fake, page } = env;
    fake.script('chatgpt.com', '/', { status: 502, body: errorPage(502) });
    await page.goto('https://chatgpt.com/');
    expect(await page.evaluate(responseStatus)).toBe(502);
    expect(await page.evaluate('document.title')).toBe('502 Bad Gateway');
    expect(await page.waitForPanel()).toEqual({
      name: '502 Bad Gateway',
      text: 'The site answered 502. Retry now',
      buttons: ['Retry now'],
      inShadowRoot: true,
      hostIsChildOfHtml: true,
    });
  });

  it('clicks a panel button in the shadow root with trusted input, and presses keys', async () => {
    const { page } = env;
    await page.clickButton('Retry now');
    expect((await page.panel())?.text).toContain('trusted click');
    await page.press('Escape');
    await page.waitForNoPanel();
  });

  it('flips chatgpt.com from broken to healthy mid-test', async () => {
    const { fake, page } = env;
    fake.healthy('chatgpt.com');
    await page.goto('https://chatgpt.com/');
    expect(await page.evaluate(responseStatus)).toBe(200);
    expect(await page.panel()).toBeNull();
  });

  it('does not hang on an empty-body 502', async () => {
    const { fake, page } = env;
    fake.script('chatgpt.com', '/', { status: 502, body: '' });
    const started = Date.now();
    await page.goto('https://chatgpt.com/');
    expect(Date.now() - started).toBeLessThan(NO_HANG_MS);
    // Chromium swaps an empty 5xx for its own error page, where no content script runs;
    // Firefox renders the empty document and the content script sees the 502.
    if (name === 'chromium') expect(await page.panel()).toBeNull();
    else expect((await page.waitForPanel()).name).toBe('502 Bad Gateway');
  });

  it('does not hang when the connection is dropped, and lands on an error page', async () => {
    const { fake, page } = env;
    fake.script('chatgpt.com', '/', { destroy: true });
    const started = Date.now();
    await page.goto('https://chatgpt.com/');
    expect(Date.now() - started).toBeLessThan(NO_HANG_MS);
    expect(isBrowserErrorPage(await page.waitForUrl(isBrowserErrorPage))).toBe(true);
    fake.reset();
  });

  it('follows the extension moving the tab to its own page, and clicks there', async () => {
    const { browser, page } = env;
    await page.goto('https://chatgpt.com/send-me-to-recovery');
    const url = await page.waitForUrl((u) => u.startsWith(browser.extensionBase));
    expect(url).toBe(`${browser.extensionBase}/src/recovery/index.html`);
    expect(page.url()).toBe(url);
    const panel = await page.waitForPanel();
    expect(panel).toMatchObject({ name: 'Chat unreachable', buttons: ['Try again'] });
    expect(panel.inShadowRoot).toBe(false);
    await page.clickButton('Try again');
    expect((await page.panel())?.text).toContain('trusted click');
    await page.goto('https://chatgpt.com/');
    expect(page.url()).toBe('https://chatgpt.com/');
  });

  it('keeps unknown hosts off the network', async () => {
    const { fake, page } = env;
    await page.goto('https://example.com/');
    expect(await page.evaluate('document.title')).not.toContain('Example Domain');
    expect(fake.requests.some((r) => r.host === 'example.com')).toBe(false);
  });

  it('takes screenshots', async () => {
    const { page } = env;
    const path = join(tmpdir(), `gg-harness-${name}-${process.pid}.png`);
    await page.screenshot(path);
    expect((await stat(path)).size).toBeGreaterThan(1_000);
    expect((await readFile(path)).subarray(1, 4).toString()).toBe('PNG');
    await rm(path);
  });
});
