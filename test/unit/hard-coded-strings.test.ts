/**
 * No user-visible wording is written straight into the UI: it all goes through `t()` and
 * `_locales`, or translators never see it. The few exceptions are listed here, with why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHardCodedStrings } from './jsx-strings.ts';

/** Text that is the same in every language. Keep this list short. */
const ALLOWED = new Set<string>([
  // The product's name, where a brand is shown as a brand.
  'Gateway Guard',
]);

const src = resolve(import.meta.dirname, '../../src');

describe('hard-coded strings', () => {
  it('finds none in the UI (src/**/*.tsx)', () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx'),
    );
    expect(files.length).toBeGreaterThan(10);
    const found = files
      .flatMap((file) => findHardCodedStrings(file, readFileSync(resolve(src, file), 'utf8')))
      .filter((hit) => !ALLOWED.has(hit.text))
      .map((hit) => `${hit.file}:${hit.line}: ${JSON.stringify(hit.text)}`);
    expect(found).toEqual([]);
  });
});

describe('findHardCodedStrings (the scan itself)', () => {
  const scan = (code: string) => findHardCodedStrings('x.tsx', code).map((hit) => hit.text);

  it('flags text children, string children and visible props', () => {
    expect(
      scan(`const A = () => (
        <div title="Close it" aria-label={'Main menu'}>
          Retry now
          {'Loading'}
          {\`\${n} items left\`}
          {busy ? 'Saving' : t('saved')}
          {open && 'Open'}
          <input placeholder="Search" />
          <img alt="Logo" />
        </div>
      );`),
    ).toEqual([
      'Close it',
      'Main menu',
      'Retry now',
      'Loading',
      'items left',
      'Saving',
      'Open',
      'Search',
      'Logo',
    ]);
  });

  it('leaves t() calls, punctuation, numbers, code and comments alone', () => {
    expect(
      scan(`const A = () => (
        <div class="gg-panel" role="dialog" aria-label={t('name')} title={t('x', 'y')}>
          {/* A comment with words */}
          {t('actionRetryNow')} · {count} — 502
          {step === 'storage' && <p>{t('a')}</p>}
          {' '}
        </div>
      );`),
    ).toEqual([]);
  });
});
