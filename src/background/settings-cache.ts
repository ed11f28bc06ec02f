import { browser } from '~/shared/browser.ts';
import { migrateSettings, type Settings } from '~/shared/settings.ts';
import { SETTINGS_KEY } from '~/shared/settings-storage.ts';
import { scheduleStatusChecks } from './status/periodic.ts';

/** The settings, read once per worker start and kept fresh from storage change events. */
let cached: Promise<Settings> | null = null;

export function settings(): Promise<Settings> {
  cached ??= browser.storage.sync
    .get(SETTINGS_KEY)
    .then((stored) => migrateSettings(stored[SETTINGS_KEY]))
    .catch(() => migrateSettings(undefined));
  return cached;
}

export function watchSettings(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && SETTINGS_KEY in changes) {
      const next = migrateSettings(changes[SETTINGS_KEY]?.newValue);
      cached = Promise.resolve(next);
      void scheduleStatusChecks(next);
    }
  });
}
