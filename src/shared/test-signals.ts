/**
 * Signals for the end-to-end tests, so they wait on what the extension did instead of on
 * the clock. Only the test build has them: in store builds `__TEST_BUILD__` is false at
 * compile time and every call below is removed, so no page can see or trigger them.
 */
import { browser } from './browser.ts';

/** Content script: what it made of this page (an attribute on <html>, test build only). */
export function signalContentState(state: 'watching' | 'failing' | 'off'): void {
  if (!__TEST_BUILD__) return;
  document.documentElement.setAttribute('data-gg-test-content', state);
}

const MAX_DECISIONS = 200;
let pending: Promise<void> = Promise.resolve();

/** Background: what it decided about a page load or request (session storage, test build only). */
export function signalLoadDecision(url: string, decision: string): void {
  if (!__TEST_BUILD__) return;
  const entry = { url, decision, at: Date.now() };
  pending = pending
    .then(async () => {
      const { testDecisions = [] } = (await browser.storage.session.get('testDecisions')) as {
        testDecisions?: (typeof entry)[];
      };
      await browser.storage.session.set({
        testDecisions: [...testDecisions, entry].slice(-MAX_DECISIONS),
      });
    })
    .catch(() => undefined);
}

/**
 * Background: one more start of the worker (or Firefox's event page), when it was, so a
 * test can tell that the browser really stopped it and it started again (session storage,
 * test build only).
 */
export function signalBackgroundStart(): void {
  if (!__TEST_BUILD__) return;
  pending = pending
    .then(async () => {
      const { testBackgroundStarts = [] } = (await browser.storage.session.get(
        'testBackgroundStarts',
      )) as { testBackgroundStarts?: number[] };
      await browser.storage.session.set({
        testBackgroundStarts: [...testBackgroundStarts, Date.now()].slice(-MAX_DECISIONS),
      });
    })
    .catch(() => undefined);
}
