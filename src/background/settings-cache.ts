import { browser } from '~/shared/browser.ts';
import { migrateSettings, type Settings } from '~/shared/settings.ts';
import { SETTINGS_KEY } from '~/shared/settings-storage.ts';
import { setCustomSites } from '~/sites/custom.ts';
import { registerCustomSiteScripts } from './custom-sites.ts';
import { scheduleStatusChecks } from './status/periodic.ts';

/** The settings, read once per worker start and kept fresh from storage change events. */
let cached: Promise<Settings> | null = null;

export function settings(): Promise<Settings> {
  cached ??= browser.storage.sync
    .get(SETTINGS_KEY)
    .then((stored) => adopt(migrateSettings(stored[SETTINGS_KEY])))
    .catch(() => adopt(migrateSettings(undefined)));
  return cached;
}

/** The site registry learns the user's own sites whenever the settings are (re)read. */
function adopt(current: Settings): Settings {
  setCustomSites(current.customSites);
  return current;
}

export function watchSettings(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && SETTINGS_KEY in changes) {
      const next = adopt(migrateSettings(changes[SETTINGS_KEY]?.newValue));
      cached = Promise.resolve(next);
      void scheduleStatusChecks(next);
      void registerCustomSiteScripts(next);
    }
  });
}
