import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserName } from './browsers.ts';
import { GECKO_ID } from './firefox.ts';

/**
 * Answers ping with pong (what waitForBackground needs) and, like the real extension on an
 * empty error page, can move the sender's tab to its own recovery page.
 */
const BACKGROUND = `
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type === 'ping') sendResponse({ type: 'pong' });
  if (message?.type === 'openRecovery' && sender.tab?.id !== undefined) {
    api.tabs.update(sender.tab.id, { url: api.runtime.getURL('src/recovery/index.html') });
  }
});
`;

/**
 * Mimics the real panel's shape on a 5xx document: a role=dialog in an open shadow root of
 * a host appended to <html>, fixed to the corner. The button records whether its click was trusted, so the
 * harness can prove it clicks like a user; Escape removes the panel.
 */
const CONTENT = `
const REASONS = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
const api = globalThis.browser ?? globalThis.chrome;
const status = performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0;
if (location.pathname === '/send-me-to-recovery') api.runtime.sendMessage({ type: 'openRecovery' });
if (status >= 500) {
  const host = document.createElement('gg-smoke-panel');
  const root = host.attachShadow({ mode: 'open' });
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', status + ' ' + (REASONS[status] ?? 'Server Error'));
  // Pinned to the corner like the real panel (and below the content of a short, quirks-mode
  // error page, which is where naive clickability checks go wrong).
  dialog.style.cssText = 'position: fixed; right: 16px; bottom: 16px; background: white;';
  const text = document.createElement('p');
  text.textContent = 'The site answered ' + status + '.';
  const retry = document.createElement('button');
  retry.textContent = 'Retry now';
  retry.addEventListener('click', (event) => {
    text.textContent = event.isTrusted ? 'trusted click' : 'untrusted click';
  });
  const hidden = document.createElement('button');
  hidden.textContent = 'Invisible';
  hidden.style.display = 'none';
  dialog.append(text, retry, hidden);
  root.append(dialog);
  document.documentElement.append(host);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') host.remove();
  });
}
`;

/** Like the real recovery page: the panel is a dialog directly in the document. */
const RECOVERY_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Smoke recovery</title></head>
<body>
<div role="dialog" aria-labelledby="title">
<h1 id="title">Chat unreachable</h1>
<p id="result">Nothing clicked yet</p>
<button type="button" id="again">Try again</button>
</div>
<script src="recovery.js"></script>
</body></html>
`;

const RECOVERY_JS = `
document.getElementById('again').addEventListener('click', (event) => {
  document.getElementById('result').textContent = event.isTrusted ? 'trusted click' : 'untrusted click';
});
`;

function manifest(browser: BrowserName): Record<string, unknown> {
  const base = {
    manifest_version: 3,
    name: 'Gateway Guard harness smoke',
    version: '0.0.1',
    permissions: [],
    host_permissions: ['https://chatgpt.com/*'],
    content_scripts: [{ matches: ['https://chatgpt.com/*'], js: ['content.js'] }],
  };
  if (browser === 'chromium') return { ...base, background: { service_worker: 'background.js' } };
  return {
    ...base,
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

/** Writes a tiny stand-in extension for `browser` into a fresh temp dir; returns the dir. */
export async function writeThrowawayExtension(browser: BrowserName): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `gg-smoke-${browser}-`));
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify(manifest(browser), null, 2),
    'background.js': BACKGROUND,
    'content.js': CONTENT,
    'src/recovery/index.html': RECOVERY_HTML,
    'src/recovery/recovery.js': RECOVERY_JS,
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}
