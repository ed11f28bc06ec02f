import type { PanelSnapshot, TestPage } from './browsers.ts';
import { PANEL_SNAPSHOT, panelButton } from './panel-probe.ts';

/** What each driver must provide; waiting, panel lookup and button search are shared. */
export interface PageDriver
  extends Pick<
    TestPage,
    | 'goto'
    | 'lastNavigationError'
    | 'url'
    | 'press'
    | 'type'
    | 'evaluate'
    | 'screenshot'
    | 'setViewport'
    | 'setColorScheme'
    | 'close'
    | 'waitForClose'
  > {
  /** The current URL, asked of the page itself where url() may lag. */
  freshUrl(): Promise<string>;
  /** Real mouse click on the element `expression` evaluates to; false if it is null. */
  clickElement(expression: string): Promise<boolean>;
}

const POLL_MS = 100;
/**
 * The one wall-clock wait of the suite: only for the harness's own polling, and for tests
 * where the passing of time is the thing under test (a countdown, a Retry-After).
 */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value other than undefined, or throws `what` on timeout. */
export async function pollFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      // The page may be mid-navigation (context destroyed); the next poll sees the new one.
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError ? ` (last error: ${String(lastError)})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await sleep(POLL_MS);
  }
}

/** Rejects with `what` if `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The page navigated away under an evaluate: retrying lands in the new document. */
const CONTEXT_GONE = /Execution context was destroyed|Cannot find context|no such (frame|realm)/i;
const SETTLE_MS = 3_000;

/**
 * After a navigation the driver reports as failed, the browser still commits whatever it
 * shows instead (its error page, or the page the extension redirected to) a moment later.
 * Waits for that commit (a driver navigation event, or a new document URI) and its parsing,
 * so the caller's next evaluate does not run in the page that is going away.
 */
export async function settleAfterFailedNavigation(
  evaluate: (expression: string) => Promise<unknown>,
  documentBefore: string,
  committed: () => boolean,
): Promise<void> {
  const moved = async () =>
    committed() ||
    (await evaluate('document.documentURI').catch(() => documentBefore)) !== documentBefore;
  // Not 'complete': Firefox's about:neterror page stays 'interactive'.
  const parsed = async () => (await evaluate('document.readyState')) !== 'loading';
  await pollFor('a commit', SETTLE_MS, async () => ((await moved()) ? true : undefined)).catch(
    () => {},
  );
  await pollFor('parsing', SETTLE_MS, async () => ((await parsed()) ? true : undefined)).catch(
    () => {},
  );
}

export function makeTestPage(driver: PageDriver): TestPage {
  const evaluate = async <T>(fn: string | (() => T)): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await driver.evaluate(fn);
      } catch (error) {
        if (attempt >= 3 || !CONTEXT_GONE.test(String(error))) throw error;
        await sleep(POLL_MS * 2);
      }
    }
  };
  const panel = () => evaluate<PanelSnapshot | null>(PANEL_SNAPSHOT);
  return {
    goto: (url) => driver.goto(url),
    lastNavigationError: () => driver.lastNavigationError(),
    url: () => driver.url(),
    press: (key) => driver.press(key),
    type: (text) => driver.type(text),
    evaluate,
    screenshot: (path, options) => driver.screenshot(path, options),
    setViewport: (width, height) => driver.setViewport(width, height),
    setColorScheme: (scheme) => driver.setColorScheme(scheme),
    close: () => driver.close(),
    waitForClose: () => driver.waitForClose(),
    panel,
    waitForUrl: (pred, timeoutMs = 10_000) =>
      pollFor(`a URL matching ${pred} (last: ${driver.url()})`, timeoutMs, async () => {
        const url = await driver.freshUrl();
        return pred(url) ? url : undefined;
      }),
    waitForPanel: (timeoutMs = 10_000) =>
      pollFor(`the panel on ${driver.url()}`, timeoutMs, async () => (await panel()) ?? undefined),
    async waitForNoPanel(timeoutMs = 10_000) {
      await pollFor(`the panel to go away on ${driver.url()}`, timeoutMs, async () =>
        (await panel()) === null ? true : undefined,
      );
    },
    async clickButton(name) {
      // Wait like a locator would: the panel may still be rendering.
      await pollFor(`a visible button named "${name}"`, 10_000, async () =>
        (await driver.clickElement(panelButton(name))) ? true : undefined,
      );
    },
  };
}
