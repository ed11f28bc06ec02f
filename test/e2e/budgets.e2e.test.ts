/**
 * Byte budgets of the store builds (`npm run build`), so a careless import cannot creep
 * into every chat page or into the package. Gzipped bytes, set from the measured figures
 * with a little headroom; `npm run bench` prints the same figures file by file.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Bytes,
  healthyPageBytes,
  kilobytes,
  packageBytes,
} from './harness/extension-bytes.ts';

const dist = resolve(import.meta.dirname, '../../dist');

/**
 * Everything a healthy covered page loads from the extension, gzipped (measured: 3,465 B in
 * one self-contained file, since the native `browser` namespace replaced the polyfill's
 * 3 KB; the goal is 6 KB).
 */
const HEALTHY_PAGE_BUDGET = 3.5 * 1024;
/**
 * The whole unpacked extension, file by file gzipped (measured: 262 KB, of it 118 KB tldts and
 * 54 KB the six message catalogues, shipped without their notes for translators).
 */
const PACKAGE_BUDGET = 275 * 1024;

const listing = (bytes: Bytes) =>
  bytes.files.map((f) => `  ${f.file}: ${f.gzip} B gzipped (${f.raw} B)`).join('\n');

describe('byte budgets', () => {
  it.each(['chrome', 'firefox'])('%s: the script on a healthy page', (target) => {
    const bytes = healthyPageBytes(resolve(dist, target));
    expect(bytes.files.length).toBeGreaterThan(0);
    expect(
      bytes.gzip,
      `${kilobytes(bytes.gzip)} gzipped, over the budget of ${kilobytes(HEALTHY_PAGE_BUDGET)}:\n${listing(bytes)}`,
    ).toBeLessThanOrEqual(HEALTHY_PAGE_BUDGET);
  });

  it.each(['chrome', 'firefox'])('%s: the whole extension', (target) => {
    const bytes = packageBytes(resolve(dist, target));
    const largest = {
      ...bytes,
      files: [...bytes.files].sort((a, b) => b.gzip - a.gzip).slice(0, 8),
    };
    expect(
      bytes.gzip,
      `${kilobytes(bytes.gzip)} gzipped, over the budget of ${kilobytes(PACKAGE_BUDGET)}; the largest files:\n${listing(largest)}`,
    ).toBeLessThanOrEqual(PACKAGE_BUDGET);
  });
});
