import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { CONTENT_SCRIPT_FILE, PAGE_UI_FILE } from './src/shared/content-files.ts';
import { hostPatterns, pagePatterns, statusPatterns } from './src/sites/index.ts';

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
  // The content script is built apart (see selfContainedContentScripts), not by crxjs.
  const { content_scripts: _builtApart, ...rest } = manifest;
  return {
    ...rest,
    // The chat sites, and the status pages read for the "is it down for everyone?" answer.
    host_permissions: [...hostPatterns(), ...statusPatterns()],
  };
}

/**
 * The content script as two self-contained files (IIFE, nothing imported at run time): the
 * bootstrap every covered page runs, and the page UI the background injects with
 * `scripting.executeScript` when a page has something to show. A content script's chunks
 * loaded with import() must be web-accessible, which lets every covered site detect the
 * extension by fetching them; these need no web-accessible resource at all. The bootstrap
 * also serves the user's own sites (registered at run time for granted origins).
 */
function selfContainedContentScripts(
  outDir: string,
  define: Record<string, string>,
  source: typeof baseManifest,
): Plugin {
  const entries = [
    ['src/content/index.ts', CONTENT_SCRIPT_FILE],
    ['src/content/page-ui.ts', PAGE_UI_FILE],
  ] as const;
  return {
    name: 'gateway-guard:self-contained-content-scripts',
    apply: 'build',
    async closeBundle() {
      for (const [entry, fileName] of entries) {
        await build({
          configFile: false,
          logLevel: 'warn',
          plugins: [preact()],
          resolve: { alias: { '~': resolve(import.meta.dirname, 'src') } },
          define: {
            ...define,
            __SPLIT_PAGE_UI__: 'true',
            'process.env.NODE_ENV': JSON.stringify('production'),
          },
          build: {
            outDir,
            emptyOutDir: false,
            copyPublicDir: false,
            modulePreload: false,
            lib: {
              entry: resolve(import.meta.dirname, entry),
              formats: ['iife'],
              name: 'gatewayGuardContent',
              fileName: () => fileName,
            },
          },
        });
      }
      const file = resolve(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      manifest.content_scripts = source.content_scripts.map(({ js: _source, ...script }) => ({
        ...script,
        matches: pagePatterns(),
        js: [CONTENT_SCRIPT_FILE],
      }));
      // Nothing of the extension is web-accessible to any site.
      manifest.web_accessible_resources = [];
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

/**
 * The message catalogues as the browser reads them: each message's `description` is a note
 * for translators that no browser shows, so the package leaves it (and the indentation) out.
 * The sources in `public/_locales/` keep both. About 16 KB gzipped over six languages.
 */
function catalogueNotesLeftOut(outDir: string): Plugin {
  return {
    name: 'gateway-guard:catalogue-notes-left-out',
    apply: 'build',
    closeBundle() {
      const locales = resolve(outDir, '_locales');
      for (const locale of readdirSync(locales)) {
        const file = resolve(locales, locale, 'messages.json');
        const catalogue: Record<string, { description?: string }> = JSON.parse(
          readFileSync(file, 'utf8'),
        );
        for (const entry of Object.values(catalogue)) delete entry.description;
        writeFileSync(file, JSON.stringify(catalogue));
      }
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
  const define = {
    __TARGET__: JSON.stringify(target),
    __TEST_BUILD__: JSON.stringify(testBuild),
  };
  return {
    plugins: [
      preact(),
      crx({ manifest: manifestFor(target), browser: target }),
      selfContainedContentScripts(outDir, define, baseManifest),
      catalogueNotesLeftOut(outDir),
    ],
    resolve: { alias: { '~': resolve(import.meta.dirname, 'src') } },
    define: { ...define, __SPLIT_PAGE_UI__: 'false' },
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
