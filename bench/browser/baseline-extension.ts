/**
 * The baselines of the paired runs, written at run time. Both are set up as Gateway Guard
 * is (an extension loaded, its background answering the harness's ping, no request
 * listeners):
 * - `bare`: no content script; nothing touches the page.
 * - `watcher`: the least any extension that notices a page's own error messages must do:
 *   a content script at document_start whose MutationObserver watches the document and
 *   does nothing with what it hears. What it costs, any such design costs.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserName } from '../../test/e2e/harness/browsers.ts';
import { GECKO_ID } from '../../test/e2e/harness/firefox.ts';

const BACKGROUND = `
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type === 'ping') sendResponse({ type: 'pong' });
});
`;

/** The watcher baseline's whole content script. */
const WATCHER = `new MutationObserver(() => {}).observe(document, { childList: true, subtree: true });`;

export type Baseline = 'bare' | 'watcher';

function manifest(browser: BrowserName, kind: Baseline, host: string): Record<string, unknown> {
  const base = {
    manifest_version: 3,
    name: `Bench baseline (${kind})`,
    version: '0.0.1',
    ...(kind === 'watcher'
      ? {
          host_permissions: [`https://${host}/*`],
          content_scripts: [
            { matches: [`https://${host}/*`], js: ['watcher.js'], run_at: 'document_start' },
          ],
        }
      : {}),
  };
  if (browser === 'chromium') return { ...base, background: { service_worker: 'background.js' } };
  return {
    ...base,
    background: { scripts: ['background.js'] },
    // The harness installs Firefox extensions under this id.
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

export async function writeBaselineExtension(
  browser: BrowserName,
  kind: Baseline,
  host: string,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `gg-bench-baseline-${kind}-${browser}-`));
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify(manifest(browser, kind, host), null, 2),
    'background.js': BACKGROUND,
    'watcher.js': WATCHER,
    // The page the harness pings the background from.
    'src/recovery/index.html': '<!doctype html><meta charset="utf-8"><title>Baseline</title>',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}
