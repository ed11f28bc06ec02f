import { type BrowserContext, chromium, errors, type JSHandle, type Page } from 'playwright-core';
import type { LaunchOptions, TestBrowser, TestPage } from './browsers.ts';
import { browserVersion, requireBrowser } from './executables.ts';
import { gateOnBackground } from './extension-page.ts';
import { FAKE_HOSTS } from './fake-sites.ts';
import { makeTestPage, settleAfterFailedNavigation } from './test-page.ts';

const NAV_TIMEOUT_MS = 20_000;

/**
 * Every fake host resolves to the local fake server under its real name (so the origin,
 * match patterns and host permissions are the real ones); anything else does not resolve
 * at all, so a stray request fails fast instead of reaching the internet.
 */
function hostResolverRules(port: number): string {
  return [...FAKE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
}

function wrapPage(page: Page): TestPage {
  let navigations = 0;
  let navigationError: string | null = null;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  const evaluate = (expression: string) => page.evaluate(expression);
  return makeTestPage({
    async goto(url) {
      const before = navigations;
      const documentBefore = page.url();
      navigationError = null;
      try {
        await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
      } catch (error) {
        // HTTP errors, chrome-error pages and extension redirects all reject goto; that is
        // what the tests are about, so only a hang counts as a failure here.
        if (error instanceof errors.TimeoutError) throw error;
        navigationError = String(error).split('\n')[0] ?? String(error);
        await settleAfterFailedNavigation(evaluate, documentBefore, () => navigations > before);
      }
    },
    lastNavigationError: () => navigationError,
    url: () => page.url(),
    freshUrl: async () => page.url(),
    async clickElement(expression) {
      const handle = (await page.evaluateHandle(expression)) as JSHandle<HTMLElement | null>;
      const element = handle.asElement();
      if (!element) {
        await handle.dispose();
        return false;
      }
      // A real mouse click at the element's centre, after Playwright's actionability checks.
      await element.click({ timeout: 5_000 });
      await element.dispose();
      return true;
    },
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    evaluate: <T>(fn: string | (() => T)) => page.evaluate(fn) as Promise<T>,
    async screenshot(path, options) {
      await page.screenshot({ path, fullPage: options?.fullPage ?? false });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    setColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    waitForClose: () => page.waitForEvent('close', { timeout: 0 }).then(() => undefined),
    close: () => page.close(),
  });
}

export async function launchChromium({
  extensionDir,
  fakePort,
  headless = true,
  locale,
  debuggingPort,
  userDataDir = '',
  restoreLastSession = false,
}: LaunchOptions): Promise<TestBrowser> {
  const executablePath = requireBrowser('chromium');
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${hostResolverRules(fakePort)}`,
      ...(locale ? [`--lang=${locale}`] : []),
      ...(debuggingPort ? [`--remote-debugging-port=${debuggingPort}`] : []),
      ...(restoreLastSession ? ['--restore-last-session'] : []),
    ],
    ...(locale ? { locale } : {}),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionBase = `chrome-extension://${new URL(worker.url()).host}`;
    const openPage = async () => wrapPage(await context.newPage());
    const version = browserVersion('chromium');
    const gate = gateOnBackground(version, extensionBase, openPage);
    return {
      name: 'chromium',
      version,
      extensionBase,
      ...gate,
      openPages: async () => context.pages().map(wrapPage),
      restartBackground: () => restartWorker(context, extensionBase, gate.waitForBackground),
      allowSiteAccess: (origin) => allowSiteAccess(context, extensionBase, origin),
      close: () => context.close(),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * What the user does on chrome://extensions (the extension's details, "Site access", add a
 * site): the page's own API, `developerPrivate.addHostPermission`. Chromium then answers the
 * extension's request for that origin without a prompt.
 */
async function allowSiteAccess(
  context: BrowserContext,
  extensionBase: string,
  origin: string,
): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions');
    const id = new URL(extensionBase).host;
    const pattern = `${new URL(origin).origin}/*`;
    await page.evaluate(
      ([extensionId, host]) =>
        (
          globalThis as unknown as {
            chrome: {
              developerPrivate: {
                addHostPermission(id: string, host: string): Promise<void>;
              };
            };
          }
        ).chrome.developerPrivate.addHostPermission(extensionId, host),
      [id, pattern] as const,
    );
  } finally {
    await page.close();
  }
}

/**
 * Stops the extension's service worker through the DevTools protocol (as Chromium does
 * after 30 s idle), waits until Chromium reports it stopped, then wakes it with a ping.
 */
async function restartWorker(
  context: BrowserContext,
  extensionBase: string,
  wake: () => Promise<void>,
): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`${extensionBase}/src/recovery/index.html`);
    const cdp = await context.newCDPSession(page);
    const stopped = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the service worker did not stop')), 10_000);
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = versions.filter((v) => v.scriptURL.startsWith(extensionBase));
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
  } finally {
    await page.close();
  }
  await wake();
}
