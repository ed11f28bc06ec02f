/**
 * Waits the end-to-end tests must outlast, in one place. The test build (`vite build --mode
 * test-chrome` / `test-firefox`, written to `dist-test/`) shortens them at compile time, so
 * the suite waits for the event instead of the wall clock; nothing a web page or a message
 * can reach changes them. Store builds always get the real values.
 */
export interface Timings {
  /** How long the background waits for a failing page's content script before the recovery page. */
  contentStartGraceMs: number;
  /** A forced status refresh (panel opened again) reuses an answer younger than this. */
  statusForceMinAgeMs: number;
}

const REAL: Timings = {
  contentStartGraceMs: 3_000,
  statusForceMinAgeMs: 10_000,
};

const TEST: Timings = {
  contentStartGraceMs: 1_500,
  statusForceMinAgeMs: 500,
};

export const TIMINGS: Timings = __TEST_BUILD__ ? TEST : REAL;
