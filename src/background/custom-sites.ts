import { browser } from '~/shared/browser.ts';
import { CONTENT_SCRIPT_FILE } from '~/shared/content-files.ts';
import type { Settings } from '~/shared/settings/model.ts';
import { customAdapter, originPattern } from '~/sites/custom.ts';

const SCRIPT_ID = 'gateway-guard-custom-sites';

/**
 * The content script for the user's own sites. The built-in sites have theirs in the
 * manifest; these are registered at run time, for the origins the user granted access to,
 * as one self-contained file (no web-accessible chunks for every site to probe).
 */
export async function registerCustomSiteScripts(settings: Settings): Promise<void> {
  try {
    await register(settings);
  } catch {
    // No scripting API here, or the browser refused: the built-in sites still work.
  }
}

async function register(settings: Settings): Promise<void> {
  const patterns: string[] = [];
  for (const site of settings.customSites) {
    // Only what passes the custom-site rules (no wildcard, no built-in site's host).
    if (!customAdapter(site)) continue;
    const pattern = originPattern(site.origin);
    const granted = await browser.permissions.contains({ origins: [pattern] }).catch(() => false);
    if (granted) patterns.push(pattern);
  }
  await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
  if (patterns.length === 0) return;
  await browser.scripting
    .registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: patterns,
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ])
    .catch(() => undefined);
}
