import { browser } from '~/shared/browser.ts';
import type { SiteAdapter } from '~/sites/index.ts';

/**
 * Clears one site's data, and only that site's: its own hosts and API hosts from the
 * adapter. Chrome filters by origin (cookies go for the whole registrable domain); Firefox
 * filters by hostname and cannot clear one site's HTTP cache at all.
 */
export async function clearSiteData(
  site: SiteAdapter,
  step: 'storage' | 'cookies',
): Promise<{ cacheCleared: boolean }> {
  const hosts = [...site.hosts, ...(site.apiHosts ?? [])];
  if (__TARGET__ === 'firefox') {
    await browser.browsingData.remove(
      { hostnames: hosts },
      { localStorage: true, indexedDB: true, serviceWorkers: true, cookies: step === 'cookies' },
    );
    return { cacheCleared: false };
  }
  // Chromium-only filter: not in the Firefox-generated webextension-polyfill types.
  const byOrigin = { origins: hosts.map((host) => `https://${host}`) } as object;
  await browser.browsingData.remove(byOrigin, {
    cache: true,
    cacheStorage: true,
    indexedDB: true,
    localStorage: true,
    serviceWorkers: true,
    fileSystems: true,
    cookies: step === 'cookies',
  } as Parameters<typeof browser.browsingData.remove>[1]);
  return { cacheCleared: true };
}
