/**
 * PERMISSIONS.md explains every permission the store builds ask for: a build that asks for
 * something it does not list, or a list that names what no build asks for, fails here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(resolve(root, 'PERMISSIONS.md'), 'utf8');
const manifestOf = (target: string) =>
  JSON.parse(readFileSync(resolve(root, 'dist', target, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;

const KEYS = [
  'permissions',
  'optional_permissions',
  'host_permissions',
  'optional_host_permissions',
] as const;

function asked(target: string): string[] {
  const manifest = manifestOf(target);
  return KEYS.flatMap((key) => (Array.isArray(manifest[key]) ? (manifest[key] as string[]) : []));
}

/** The first column of the doc's tables: `name` cells. */
function documented(): string[] {
  return [...doc.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1] ?? '');
}

describe('PERMISSIONS.md', () => {
  it.each(['chrome', 'firefox'])('explains everything the %s build asks for', (target) => {
    const missing = asked(target).filter((name) => !documented().includes(name));
    expect(missing).toEqual([]);
  });

  it('lists nothing that neither build asks for', () => {
    const all = new Set([...asked('chrome'), ...asked('firefox')]);
    expect(documented().filter((name) => !all.has(name))).toEqual([]);
  });

  it.each(['chrome', 'firefox'])('%s: makes no file web-accessible to any site', (target) => {
    const manifest = manifestOf(target);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    const scripts = manifest.content_scripts as Array<{ js: string[] }>;
    for (const file of scripts.flatMap((script) => script.js)) {
      const code = readFileSync(resolve(root, 'dist', target, file), 'utf8');
      // Self-contained: it imports nothing at run time (imports would need web access).
      expect(code).not.toMatch(/\bimport\s*\(|^\s*import[\s{*"']/m);
    }
  });

  it('asks for no host access to www.google.com, and is linked from the README', () => {
    for (const target of ['chrome', 'firefox']) {
      expect(asked(target).filter((p) => p.includes('www.google.com'))).toEqual([]);
    }
    expect(readFileSync(resolve(root, 'README.md'), 'utf8')).toContain('(PERMISSIONS.md)');
  });
});
