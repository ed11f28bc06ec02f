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
  /** Automatic recovery, fast phase: the first ceiling of the jittered wait. */
  recoveryBaseMs: number;
  /** Automatic recovery, fast phase: the largest ceiling. */
  recoveryCapMs: number;
  /** Automatic recovery: never two checks of one site closer than this. */
  recoveryMinGapMs: number;
  /** Automatic recovery, steady phase: the mean wait, and the least. */
  recoverySteadyMs: number;
  recoverySteadyMinMs: number;
  /** While a site is watched, its status page is read again this often. */
  recoveryStatusEveryMs: number;
}

const REAL: Timings = {
  contentStartGraceMs: 3_000,
  statusForceMinAgeMs: 10_000,
  recoveryBaseMs: 2_000,
  recoveryCapMs: 30_000,
  recoveryMinGapMs: 2_000,
  recoverySteadyMs: 50_000,
  recoverySteadyMinMs: 30_000,
  recoveryStatusEveryMs: 60_000,
};

const TEST: Timings = {
  contentStartGraceMs: 1_500,
  statusForceMinAgeMs: 500,
  // The first check still comes 1 to 2 s after the failure, as in store builds: a click on
  // Retry now right after the failure is not pre-empted.
  recoveryBaseMs: 2_000,
  recoveryCapMs: 2_000,
  recoveryMinGapMs: 1_000,
  recoverySteadyMs: 15_000,
  recoverySteadyMinMs: 8_000,
  recoveryStatusEveryMs: 2_000,
};

export const TIMINGS: Timings = __TEST_BUILD__ ? TEST : REAL;
