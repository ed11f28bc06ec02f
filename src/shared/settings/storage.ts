/**
 * The settings in sync storage, for the extension's own pages (options, popup, recovery).
 * The background keeps its own cache (background/current-settings.ts), refreshed from the
 * storage change event, so a change here takes effect at once everywhere.
 */
import { browser } from '../browser.ts';
import { migrateSettings, type Settings } from './model.ts';

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.sync.get(SETTINGS_KEY);
    return migrateSettings(stored[SETTINGS_KEY]);
  } catch {
    return migrateSettings(undefined);
  }
}

/** Saves settings (validated first: what is stored is always the current shape). */
export async function saveSettings(settings: unknown): Promise<Settings> {
  const valid = migrateSettings(settings);
  await browser.storage.sync.set({ [SETTINGS_KEY]: valid });
  return valid;
}
