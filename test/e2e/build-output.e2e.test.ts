/**
 * What `npm run build` ships: two manifests from one source, least privilege, and a
 * content script that stays small on healthy pages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostPatterns, pagePatterns, statusPatterns } from '../../src/sites/index.ts';
import { SITE_EXAMPLES } from '../fixtures/site-examples.ts';

const dist = resolve(import.meta.dirname, '../../dist');
const manifestOf = (target: string) =>
  JSON.parse(readFileSync(resolve(dist, target, 'manifest.json'), 'utf8'));

/** Every file of a build, as text. */
function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = resolve(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

describe('build output', () => {
  it.each(['chrome', 'firefox'])('%s: ships no test examples', (target) => {
    const shipped = filesOf(resolve(dist, target))
      .filter((file) => /\.(js|html|json)$/.test(file))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Texts that appear only among the adapters' test examples.
    const onlyInTests = Object.values(SITE_EXAMPLES).flatMap((e) => [
      ...e.otherRequests,
      ...e.notOutageText,
    ]);
    expect(onlyInTests.length).toBeGreaterThan(20);
    for (const text of onlyInTests) expect(shipped.includes(text), text).toBe(false);
  });

  it.each(['chrome', 'firefox'])(
    '%s: ships every message and placeholder, without the notes for translators',
    (target) => {
      const locales = resolve(import.meta.dirname, '../../public/_locales');
      const languages = readdirSync(locales);
      expect(languages.length).toBe(6);
      for (const locale of languages) {
        const source: Record<string, { description?: string }> = JSON.parse(
          readFileSync(resolve(locales, locale, 'messages.json'), 'utf8'),
        );
        const shipped = readFileSync(
          resolve(dist, target, '_locales', locale, 'messages.json'),
          'utf8',
        );
        const expected = Object.fromEntries(
          Object.entries(source).map(([key, { description: _note, ...entry }]) => [key, entry]),
        );
        expect(JSON.parse(shipped), locale).toEqual(expected);
        expect(shipped, locale).not.toContain('"description"');
      }
    },
  );

  it('gives Chrome a service worker and no Firefox-only keys', () => {
    const m = manifestOf('chrome');
    expect(m.manifest_version).toBe(3);
    expect(m.background.service_worker).toBeTruthy();
    expect(m.background.scripts).toBeUndefined();
    expect(m.browser_specific_settings).toBeUndefined();
    // The native, promise-based `browser` namespace the code uses without a polyfill.
    expect(Number(m.minimum_chrome_version)).toBeGreaterThanOrEqual(148);
  });

  it.each(['chrome', 'firefox'])('%s: ships no webextension-polyfill', (target) => {
    // A no-op where `browser` is native; 3 KB gzipped on every covered page otherwise.
    for (const file of filesOf(resolve(dist, target)).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /webextension-polyfill|should only be loaded in a browser extension/,
      );
    }
  });

  it('gives Firefox an event page, a gecko id and no data collection', () => {
    const m = manifestOf('firefox');
    expect(m.background.scripts).toHaveLength(1);
    expect(m.background.service_worker).toBeUndefined();
    const gecko = m.browser_specific_settings.gecko;
    expect(gecko.id).toBe('gateway-guard@gateway-guard.app');
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.minimum_chrome_version).toBeUndefined();
  });

  it.each(['chrome', 'firefox'])('%s: asks only for what the code uses', (target) => {
    const m = manifestOf(target);
    expect([...m.permissions].sort()).toEqual([
      'alarms',
      'browsingData',
      'scripting',
      'storage',
      'webRequest',
    ]);
    // Custom sites: asked for one origin at a time, when the user adds it.
    expect(m.optional_host_permissions).toEqual(['https://*/*']);
    // The custom-site script is registered for granted origins only, never web-accessible.
    for (const entry of m.web_accessible_resources) {
      expect(entry.matches).not.toContain('https://*/*');
    }
    expect([...m.host_permissions].sort()).toEqual([...hostPatterns(), ...statusPatterns()].sort());
    expect([...m.content_scripts[0].matches].sort()).toEqual(pagePatterns().sort());
  });

  it.each(['chrome', 'firefox'])('%s: the healthy-page bootstrap stays small', (target) => {
    const m = manifestOf(target);
    const loader = m.content_scripts[0].js[0];
    // The loader and everything it imports statically; the panel is imported on demand.
    const files = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const code = readFileSync(resolve(dist, target, file), 'utf8');
      for (const [, dep] of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) {
        visit(`assets/${dep}`);
      }
      for (const [, dep] of code.matchAll(/getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g))
        visit(dep ?? '');
    };
    visit(loader);
    const bytes = [...files].reduce((sum, f) => sum + statSync(resolve(dist, target, f)).size, 0);
    expect([...files].some((f) => /Panel|panel-host/.test(f))).toBe(false);
    expect(bytes).toBeLessThan(24 * 1024);
  });

  it.each(['chrome', 'firefox'])('%s: ships no remote code', (target) => {
    const assets = readdirSync(resolve(dist, target, 'assets'));
    for (const file of assets.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(resolve(dist, target, 'assets', file), 'utf8');
      expect(code, file).not.toMatch(/import\(\s*["'`]https?:/);
      expect(code, file).not.toMatch(/\beval\(/);
    }
  });
});
