/** Wording rules over all six catalogues: one term per thing, one register, no hard-coded punctuation. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'zh_CN'];
const catalogue = (lang: string): Record<string, { message: string }> =>
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`),
      'utf8',
    ),
  );

describe('the catalogues', () => {
  it.each(LANGUAGES)(
    '%s: the panel and the compact notice call the other fixes the same',
    (lang) => {
      const words = catalogue(lang);
      expect(words.fixesHeading?.message).toBe(words.actionMoreFixes?.message);
    },
  );

  it('Chinese speaks to users with one form of "you" (你)', () => {
    const all = Object.values(catalogue('zh_CN'))
      .map((entry) => entry.message)
      .join('\n');
    expect(all).not.toContain('您');
  });

  it.each(LANGUAGES)('%s: a status with its incident has one separator of the language', (lang) => {
    const line = catalogue(lang).statusLineIncident?.message ?? '';
    expect(line).toContain('$INCIDENT$');
    expect(line).not.toMatch(/:\s*:|：\s*:|:\s*：/);
  });

  it('the 502 meaning says who asked whom, with no unclear "it"', () => {
    expect(catalogue('en').status502Meaning?.message).not.toMatch(/asked it/);
  });
});
