/**
 * Fails fast, before vitest starts, when a browser the end-to-end tests drive is missing,
 * naming it and the command that installs it. Run with `npx tsx test/e2e/require-browsers.ts`.
 */
import { type BrowserName, browserVersion, missingBrowser } from './harness/executables.ts';

const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

const missing = BROWSERS.map(missingBrowser).filter((m): m is string => m !== null);
if (missing.length > 0) {
  for (const message of missing) console.error(message);
  process.exit(1);
}
for (const name of BROWSERS) console.log(`End-to-end browser: ${browserVersion(name)}`);
