/**
 * Is a proxy set in the browser? Read with the optional `proxy` permission, asked for only
 * when the user clicks "Check for a proxy".
 *
 * Where it works: extension pages only (content scripts have neither `permissions.request`
 * nor `proxy`), and Firefox only: Chrome does not allow `proxy` as an optional permission
 * ("Permission 'proxy' cannot be listed as optional. This permission will be omitted."), so
 * there the check is never offered. See `canCheckProxyHere`.
 */
import { browser } from '~/shared/browser.ts';
import type { ProxyState } from '~/shared/network-advice.ts';

export type { ProxyState } from '~/shared/network-advice.ts';

/**
 * Asks for the `proxy` permission. Call it synchronously in the click handler, before any
 * `await`: Firefox only shows the prompt while handling a user action. Resolves false when
 * declined or when the browser refuses to ask.
 */
export function requestProxyPermission(): Promise<boolean> {
  try {
    return browser.permissions.request({ permissions: ['proxy'] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Reads the browser's proxy settings (the permission must be granted already). */
export async function readProxySettings(): Promise<ProxyState> {
  try {
    const api = (browser as { proxy?: { settings?: ProxySetting } }).proxy;
    // Absent: no permission, or a browser without proxy.settings (Firefox for Android).
    if (!api?.settings) return 'unknown';
    const { value, levelOfControl } = await api.settings.get({});
    return proxyStateOf(value, levelOfControl);
  } catch {
    return 'unknown';
  }
}

/**
 * The whole check from one click: asks for the permission (synchronously, so call this
 * directly in the click handler), then reads the settings.
 */
export function checkProxy(): Promise<ProxyState> {
  const granted = requestProxyPermission();
  return granted.then(async (ok) => {
    if (!ok) return 'declined';
    try {
      return await readProxySettings();
    } finally {
      // Needed for this one reading only: given back at once, so it is never kept.
      await releaseProxyPermission();
    }
  });
}

/** Gives the `proxy` permission back (never throws). */
export async function releaseProxyPermission(): Promise<void> {
  try {
    await browser.permissions.remove({ permissions: ['proxy'] });
  } catch {
    // Not granted, or the browser refused: nothing is kept either way.
  }
}

/**
 * What a proxy setting's value means. Chrome: `mode` direct / system / fixed_servers /
 * pac_script / auto_detect. Firefox: `proxyType` none / system / manual / autoConfig /
 * autoDetect. "system" and auto-detection defer to settings an extension cannot see, so a
 * proxy is possible but unknown. Pure.
 */
export function proxyStateOf(value: unknown, levelOfControl?: string): ProxyState {
  const config = (value ?? {}) as { mode?: unknown; proxyType?: unknown };
  const mode = config.mode ?? config.proxyType;
  switch (mode) {
    case 'direct':
    case 'none':
      return 'not-set';
    case 'fixed_servers':
    case 'pac_script':
    case 'manual':
    case 'autoConfig':
      return 'set';
    case 'system':
    case 'auto_detect':
    case 'autoDetect':
      return 'unknown';
    default:
      // Another extension (a VPN's, typically) controls the setting: its proxy is in play.
      return levelOfControl === 'controlled_by_other_extensions' ? 'set' : 'unknown';
  }
}

/**
 * Can this page run the proxy check itself? Only a Firefox extension page whose manifest
 * lists `proxy` among its optional permissions. Elsewhere (a site's page, Chrome) the panel
 * offers "Open full network checks" instead.
 */
export function canCheckProxyHere(target: 'chrome' | 'firefox' = __TARGET__): boolean {
  if (target !== 'firefox') return false;
  if (!/^(moz|chrome)-extension:$/.test(globalThis.location?.protocol ?? '')) return false;
  try {
    const optional = browser.runtime.getManifest().optional_permissions ?? [];
    return optional.includes('proxy');
  } catch {
    return false;
  }
}

interface ProxySetting {
  get(details: Record<string, never>): Promise<{ value: unknown; levelOfControl?: string }>;
}
