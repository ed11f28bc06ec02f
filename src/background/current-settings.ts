import { browser } from '~/shared/browser.ts';
import { migrateSettings, type Settings } from '~/shared/settings/model.ts';
import { SETTINGS_KEY } from '~/shared/settings/storage.ts';
import { BUILT_IN_SITES, type SiteRegistry, siteRegistry } from '~/sites/index.ts';

/** The settings, read once per worker start and kept fresh from storage change events. */
let cached: Promise<Settings> | null = null;

export function settings(): Promise<Settings> {
  cached ??= browser.storage.sync
    .get(SETTINGS_KEY)
    .then((stored) => migrateSettings(stored[SETTINGS_KEY]))
    .catch(() => migrateSettings(undefined));
  return cached;
}

/** One registry per settings value: built-in sites plus the user's own, built once. */
const registries = new WeakMap<Settings, SiteRegistry>();

let latest: SiteRegistry = BUILT_IN_SITES;

/** The sites covered now (the user's own included), from the current settings. */
export async function sites(): Promise<SiteRegistry> {
  const current = await settings();
  let registry = registries.get(current);
  if (!registry) {
    registry = siteRegistry(current.customSites);
    registries.set(current, registry);
  }
  latest = registry;
  return registry;
}

/**
 * The registry of the settings last read, for synchronous lookups where an entry point has
 * already awaited `sites()` (every message does) or a label (a watch's site name: the
 * worker reads the settings when it starts, before anything is watched).
 */
export function currentSites(): SiteRegistry {
  return latest;
}

/** Keeps the cache fresh, and tells `onChange` (status checks, custom sites' scripts). */
export function watchSettings(onChange: (next: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && SETTINGS_KEY in changes) {
      const next = migrateSettings(changes[SETTINGS_KEY]?.newValue);
      cached = Promise.resolve(next);
      onChange(next);
    }
  });
}
