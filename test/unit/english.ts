import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export function readCatalogue(language: string): Record<string, Entry> {
  const file = resolve(import.meta.dirname, `../../public/_locales/${language}/messages.json`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

const english = readCatalogue('en');

/**
 * `i18n.getMessage` as the browser does it, over the real English catalogue: named
 * placeholders resolve to their `$1`..`$9` substitutions, unknown keys give "".
 */
export function englishMessage(key: string, substitutions?: string | string[]): string {
  const entry = english[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const positional = (text: string) =>
    text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}
