import type { BrowserName, TestBrowser, TestPage } from './browsers.ts';
import { pollFor } from './test-page.ts';

/** The extension page used to reach the background; every build has the recovery page. */
export const PING_PAGE = 'src/recovery/index.html';

/** Resolves to the answer, or null when nobody answered within a second. */
const PING = `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 1000));
  return Promise.race([api.runtime.sendMessage({ type: 'ping' }), timeout]);
})()`;

/**
 * Opens an extension page and pings the background until it answers pong. Until then a
 * first navigation could race the background's listener registration.
 */
export async function pingBackground(
  name: BrowserName,
  extensionBase: string,
  openPage: () => Promise<TestPage>,
  timeoutMs = 20_000,
): Promise<void> {
  const page = await openPage();
  try {
    await page.goto(`${extensionBase}/${PING_PAGE}`);
    await pollFor(`the ${name} background to answer ping`, timeoutMs, async () => {
      const answer = await page.evaluate<{ type?: string } | null>(PING);
      return answer?.type === 'pong' ? true : undefined;
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
  name: BrowserName,
  extensionBase: string,
  openPage: () => Promise<TestPage>,
): Pick<TestBrowser, 'newPage' | 'waitForBackground'> {
  let ready: Promise<void> | undefined;
  return {
    waitForBackground() {
      ready = pingBackground(name, extensionBase, openPage);
      return ready;
    },
    async newPage() {
      ready ??= pingBackground(name, extensionBase, openPage);
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
