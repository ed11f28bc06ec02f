import type { TestBrowser, TestPage } from './browsers.ts';
import { pollFor } from './test-page.ts';

/** The extension page used to reach the background; every build has the recovery page. */
export const PING_PAGE = 'src/recovery/index.html';

/**
 * What the ping page can tell about itself: where it really is (Firefox keeps a refused
 * navigation's previous document) and whether the extension's API is there, then the
 * background's answer (null when nobody answered within a second).
 */
const LOOK = `(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  return { uri: document.documentURI, hasApi: !!(api && api.runtime && api.runtime.sendMessage) };
})()`;
const PING = `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 1000));
  return Promise.race([api.runtime.sendMessage({ type: 'ping' }), timeout]);
})()`;

/**
 * Opens an extension page and pings the background until it answers pong. Until then a
 * first navigation could race the background's listener registration. Every failure says
 * which browser build, which URL, and what the browser gave as the reason.
 */
export async function pingBackground(
  version: string,
  extensionBase: string,
  openPage: () => Promise<TestPage>,
  timeoutMs = 20_000,
): Promise<void> {
  const url = `${extensionBase}/${PING_PAGE}`;
  const page = await openPage();
  try {
    await page.goto(url);
    const opened = await page.evaluate<{ uri: string; hasApi: boolean }>(LOOK);
    if (!opened.uri.startsWith(extensionBase)) {
      const reason = page.lastNavigationError() ?? `the tab shows ${opened.uri}`;
      throw new Error(`${version} could not open the extension page ${url}: ${reason}`);
    }
    if (!opened.hasApi) {
      throw new Error(
        `${version} opened ${url} but the page has no extension API (it is not running as the extension's own page)`,
      );
    }
    await pollFor(`the background to answer ping`, timeoutMs, async () => {
      const answer = await page.evaluate<{ type?: string } | null>(PING);
      return answer?.type === 'pong' ? true : undefined;
    }).catch((error: unknown) => {
      throw new Error(`${version}: the extension's background gave no answer to ${url}: ${error}`);
    });
  } finally {
    await page.close();
  }
}

/**
 * A launcher's newPage/waitForBackground pair. The first newPage() itself waits for the
 * pong, so even a test that forgets waitForBackground() cannot race the background; an
 * explicit waitForBackground() always pings afresh.
 */
export function gateOnBackground(
  version: string,
  extensionBase: string,
  openPage: () => Promise<TestPage>,
): Pick<TestBrowser, 'newPage' | 'waitForBackground'> {
  let ready: Promise<void> | undefined;
  return {
    waitForBackground() {
      ready = pingBackground(version, extensionBase, openPage);
      return ready;
    },
    async newPage() {
      ready ??= pingBackground(version, extensionBase, openPage);
      await ready;
      return openPage();
    },
  };
}

/**
 * Whether the extension holds these host permissions (Firefox MV3 treats them as revocable
 * and may not grant them at install), asked from one of its own pages.
 */
export async function hasHostPermissions(
  browser: TestBrowser,
  origins: string[],
): Promise<boolean> {
  const page = await browser.newPage();
  try {
    await page.goto(`${browser.extensionBase}/${PING_PAGE}`);
    return await page.evaluate<boolean>(
      `(globalThis.browser ?? globalThis.chrome).permissions.contains({ origins: ${JSON.stringify(origins)} })`,
    );
  } finally {
    await page.close();
  }
}
