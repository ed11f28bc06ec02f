/**
 * The other half of each paired run: an extension with no content script and no request
 * listeners, so the browser is set up the same way (an extension loaded, its background
 * answering the harness's ping) but nothing touches the page. Written at run time.
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

function manifest(browser: BrowserName): Record<string, unknown> {
  const base = { manifest_version: 3, name: 'Bench baseline', version: '0.0.1' };
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

export async function writeBaselineExtension(browser: BrowserName): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `gg-bench-baseline-${browser}-`));
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify(manifest(browser), null, 2),
    'background.js': BACKGROUND,
    // The page the harness pings the background from.
    'src/recovery/index.html': '<!doctype html><meta charset="utf-8"><title>Baseline</title>',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}
