import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { statusHostPatterns } from './src/shared/status/sources.ts';
import { hostPatterns, pagePatterns } from './src/sites/index.ts';

type Target = 'chrome' | 'firefox';

/** The Firefox id; also what the end-to-end harness pins its moz-extension origin to. */
export const GECKO_ID = 'gateway-guard@gateway-guard.app';

/**
 * One source manifest, two outputs. Chrome rejects Firefox-only keys as unrecognised, and
 * Firefox's MV3 background is an event page (`background.scripts`), so each target gets
 * exactly the keys it understands.
 */
function manifestFor(target: Target): ManifestV3Export {
  const manifest = withSiteHosts(baseManifest);
  if (target === 'chrome') return manifest as ManifestV3Export;
  const { service_worker, ...background } = manifest.background;
  const { minimum_chrome_version: _chromeOnly, ...rest } = manifest;
  return {
    ...rest,
    background: { ...background, scripts: [service_worker] },
    // Firefox lets the proxy check ask for this when the user clicks it; Chrome does not
    // allow "proxy" as an optional permission at all.
    optional_permissions: [...manifest.optional_permissions, 'proxy'],
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // ESR 140 is the oldest Firefox that knows data_collection_permissions.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android learned data_collection_permissions only in 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

/**
 * Host access and content-script matches come from the site adapters, so adding a site is
 * one adapter file and one line in the registry: nothing broader, nothing forgotten.
 */
function withSiteHosts(manifest: typeof baseManifest) {
  return {
    ...manifest,
    // The chat sites, and the status pages read for the "is it down for everyone?" answer.
    host_permissions: [...hostPatterns(), ...statusHostPatterns()],
    content_scripts: manifest.content_scripts.map((script) => ({
      ...script,
      matches: pagePatterns(),
    })),
  };
}

/**
 * The custom-site content script is registered at run time for the origins the user
 * granted, and needs no web-accessible entry; crxjs adds one for every site anyway, which
 * would let any page detect the extension. Drop it from the written manifest.
 */
function dropCustomSiteWebAccess(outDir: string): Plugin {
  return {
    name: 'gateway-guard:drop-custom-site-web-access',
    apply: 'build',
    closeBundle() {
      const file = resolve(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      manifest.web_accessible_resources = (manifest.web_accessible_resources ?? []).filter(
        (entry: { resources: string[] }) =>
          !entry.resources.every((resource) => resource.includes('custom-site.iife')),
      );
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

/**
 * Modes: `chrome` and `firefox` are the store builds (`dist/`); `test-chrome` and
 * `test-firefox` are the same code with the shorter waits of `src/shared/timings.ts`, for the
 * end-to-end tests only (`dist-test/`).
 */
export default defineConfig(({ mode }) => {
  const target: Target = mode.endsWith('firefox') ? 'firefox' : 'chrome';
  const testBuild = mode.startsWith('test-');
  const outDir = resolve(import.meta.dirname, testBuild ? 'dist-test' : 'dist', target);
  return {
    plugins: [
      preact(),
      crx({ manifest: manifestFor(target), browser: target }),
      dropCustomSiteWebAccess(outDir),
    ],
    resolve: { alias: { '~': resolve(import.meta.dirname, 'src') } },
    define: { __TARGET__: JSON.stringify(target), __TEST_BUILD__: JSON.stringify(testBuild) },
    build: {
      outDir,
      emptyOutDir: true,
      // Vite's preload helper would add <link rel=modulepreload> tags to the *site's* page,
      // resolved against the site's origin. Extension chunks load fine without it.
      modulePreload: false,
      // Extension pages that no manifest key names must be listed to be built.
      rollupOptions: {
        input: { recovery: 'src/recovery/index.html', welcome: 'src/welcome/index.html' },
      },
    },
  };
});
