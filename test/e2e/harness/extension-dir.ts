import { resolve } from 'node:path';
import type { BrowserName } from './browsers.ts';

/** The built, unpacked extension for a browser (`npm run build` makes both). */
export function extensionDirFor(name: BrowserName): string {
  return resolve(
    import.meta.dirname,
    `../../../dist/${name === 'chromium' ? 'chrome' : 'firefox'}`,
  );
}
