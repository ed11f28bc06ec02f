/**
 * Every language folder in `_locales` has every key, with the same placeholders, and every
 * key the code and the manifest use exists. New languages are checked as soon as their
 * folder appears; nothing here needs to list them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalogue, catalogueProblems } from './catalogue-check.ts';

const root = resolve(import.meta.dirname, '../..');
const localesDir = resolve(root, 'public/_locales');
const languages = readdirSync(localesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const catalogues: Record<string, Catalogue> = Object.fromEntries(
  languages.map((language) => [
    language,
    JSON.parse(readFileSync(resolve(localesDir, language, 'messages.json'), 'utf8')),
  ]),
);

/** Every source file under src/, as [path, text]. */
function sources(): Array<[string, string]> {
  return readdirSync(resolve(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => [file, readFileSync(resolve(root, 'src', file), 'utf8')]);
}

describe('_locales', () => {
  it('has English, the default locale', () => {
    const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
    expect(languages).toContain(manifest.default_locale);
  });

  it('has every key in every language, with the same placeholders', () => {
    expect(catalogueProblems(catalogues)).toEqual([]);
  });

  it('has every key the manifest names', () => {
    const manifest = readFileSync(resolve(root, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1] ?? '');
    expect(keys.length).toBeGreaterThan(0);
    for (const language of languages) {
      expect(
        keys.filter((key) => !(key in (catalogues[language] ?? {}))),
        language,
      ).toEqual([]);
    }
  });

  it('has every key passed to t() as a literal', () => {
    const english = catalogues.en ?? {};
    const missing = sources().flatMap(([file, text]) =>
      [...text.matchAll(/\bt\(\s*'([^']+)'/g)]
        .map((m) => m[1] ?? '')
        .filter((key) => !(key in english))
        .map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('catalogueProblems (the check itself)', () => {
  const en: Catalogue = {
    hello: { message: 'Hello $NAME$', placeholders: { name: { content: '$1' } } },
    bye: { message: 'Bye' },
  };

  it('passes matching catalogues', () => {
    const de: Catalogue = {
      hello: { message: 'Hallo $NAME$', placeholders: { NAME: { content: '$1' } } },
      bye: { message: 'Tschüss' },
    };
    expect(catalogueProblems({ en, de })).toEqual([]);
  });

  it('names a key a language lacks, in either direction', () => {
    const fr: Catalogue = { hello: en.hello as Catalogue[string], extra: { message: 'En plus' } };
    expect(catalogueProblems({ en, fr })).toEqual(
      expect.arrayContaining(['fr: missing key "bye"', 'en: missing key "extra"']),
    );
  });

  it('names placeholders that differ or are dropped', () => {
    const es: Catalogue = {
      hello: { message: 'Hola $WHO$', placeholders: { who: { content: '$1' } } },
      bye: { message: 'Adiós' },
    };
    const ja: Catalogue = {
      hello: { message: 'こんにちは', placeholders: { name: { content: '$2' } } },
      bye: { message: 'さようなら' },
    };
    const problems = catalogueProblems({ en, es, ja });
    expect(problems.some((p) => p.startsWith('es: "hello" placeholders'))).toBe(true);
    expect(problems).toContain('ja: "hello" never uses $name$');
    expect(problems.some((p) => p.startsWith('ja: "hello" placeholders'))).toBe(true);
  });

  it('names a reference to a placeholder that does not exist', () => {
    const broken: Catalogue = { bye: { message: 'Bye $NAME$' } };
    expect(catalogueProblems({ en: broken })).toEqual(['en: "bye" uses undefined $name$']);
  });
});
