import { resolve } from 'node:path';
import type { BrowserName } from './browsers.ts';

/**
 * The unpacked test build for a browser (`npm run build:test` makes both): the store build's
 * code with the shorter waits of src/shared/timings.ts, so tests wait on events, not time.
 */
export function extensionDirFor(name: BrowserName): string {
  return resolve(
    import.meta.dirname,
    `../../../dist-test/${name === 'chromium' ? 'chrome' : 'firefox'}`,
  );
}
