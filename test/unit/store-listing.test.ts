/**
 * The store listings in store/: one per language the extension ships, each with every
 * field the stores ask for, within their limits, and a justification for every permission
 * the builds can ask for (the manifest's, and PERMISSIONS.md's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostPatterns, SITES, statusPatterns } from '~/sites/index.ts';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const manifest = JSON.parse(read('manifest.json')) as Record<string, unknown>;
const locales = readdirSync(resolve(root, 'public/_locales')).sort();

/** Chrome Web Store: the summary (the manifest's description) and the description. */
const SHORT_MAX = 132;
const DESCRIPTION_MAX = 16_000;
const FIELDS = [
  'Name',
  'Short description',
  'Description',
  'Single purpose',
  'Permissions',
  'Privacy practices',
];
const HOST_PERMISSIONS = 'Host permissions';

function list(key: string): string[] {
  const value = manifest[key];
  return Array.isArray(value) ? (value as string[]) : [];
}

/** Everything a build can ask for, each needing its own justification. */
function permissionsToJustify(): string[] {
  const optionalHosts = list('optional_host_permissions');
  const documented = [...read('PERMISSIONS.md').matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1] ?? '');
  const named = new Set([
    ...list('permissions'),
    ...list('optional_permissions'),
    ...optionalHosts,
    // Permissions a build adds (Firefox's optional proxy), as PERMISSIONS.md lists them;
    // host patterns are justified together, under Host permissions.
    ...documented.filter((name) => !name.includes('://') || optionalHosts.includes(name)),
  ]);
  const hosts = [...list('host_permissions'), ...hostPatterns(), ...statusPatterns()];
  return [...named, ...(hosts.length > 0 ? [HOST_PERMISSIONS] : [])];
}

/** `## Heading` (or `###`) → the text under it, up to the next heading of that level. */
function sections(text: string, level: 2 | 3): Map<string, string> {
  const marker = '#'.repeat(level);
  const parts = text.split(new RegExp(`^${marker} (.+)$`, 'm'));
  const map = new Map<string, string>();
  for (let i = 1; i < parts.length; i += 2) {
    const name = (parts[i] ?? '').trim().replace(/^`(.*)`$/, '$1');
    if (map.has(name)) throw new Error(`"${name}" appears twice`);
    map.set(name, (parts[i + 1] ?? '').trim());
  }
  return map;
}

function listing(locale: string) {
  const text = read(`store/${locale}.md`);
  const fields = sections(text, 2);
  const permissions = sections(fields.get('Permissions') ?? '', 3);
  return { fields, permissions };
}

function message(locale: string, key: string): string {
  const messages = JSON.parse(read(`public/_locales/${locale}/messages.json`));
  return messages[key].message as string;
}

describe('store listings', () => {
  it('has one file per shipped language, and none for a language not shipped', () => {
    expect(locales).toEqual(['de', 'en', 'es', 'fr', 'ja', 'zh_CN']);
    const files = readdirSync(resolve(root, 'store'))
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .map((name) => name.replace(/\.md$/, ''))
      .sort();
    expect(files).toEqual(locales);
  });

  describe.each(locales)('%s', (locale) => {
    const { fields, permissions } = listing(locale);
    const english = listing('en');

    it('has every field, filled in, and no other', () => {
      expect([...fields.keys()]).toEqual(FIELDS);
      for (const field of FIELDS) expect(fields.get(field), field).not.toBe('');
    });

    it('names the extension as its manifest does', () => {
      expect(fields.get('Name')).toBe(message(locale, 'extName'));
    });

    it(`has a short description of at most ${SHORT_MAX} characters, the manifest's own`, () => {
      const short = fields.get('Short description') ?? '';
      expect([...short].length).toBeLessThanOrEqual(SHORT_MAX);
      expect(short).not.toContain('\n');
      // Chrome shows the manifest's description as the summary: the two must agree.
      expect(short).toBe(message(locale, 'extDescription'));
    });

    it('has a description within the limit that names every supported site', () => {
      const description = fields.get('Description') ?? '';
      expect([...description].length).toBeLessThanOrEqual(DESCRIPTION_MAX);
      for (const site of SITES) expect(description, site.name).toContain(site.name);
    });

    it('justifies every permission the builds can ask for, and nothing else', () => {
      const required = permissionsToJustify();
      expect([...permissions.keys()].sort()).toEqual([...required].sort());
      for (const name of required) {
        expect(permissions.get(name), name).toMatch(/\S{2,}/);
      }
    });

    it.runIf(locale !== 'en')('is translated, not a copy of the English text', () => {
      for (const field of ['Description', 'Single purpose', 'Privacy practices']) {
        expect(fields.get(field), field).not.toBe(english.fields.get(field));
      }
      for (const [name, text] of permissions) {
        expect(text, name).not.toBe(english.permissions.get(name));
      }
    });
  });

  it('justifies at least the permissions the manifest lists', () => {
    const required = permissionsToJustify();
    for (const name of [
      ...list('permissions'),
      ...list('optional_permissions'),
      ...list('optional_host_permissions'),
    ]) {
      expect(required).toContain(name);
    }
    expect(required).toContain('proxy');
    expect(required).toContain(HOST_PERMISSIONS);
  });
});
