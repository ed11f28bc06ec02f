import type { Settings } from '~/shared/settings.ts';
import { loadSettings } from '~/shared/settings-storage.ts';
import { setCustomSites } from '~/sites/custom.ts';

/**
 * The site registry knows the user's own sites only once told. The extension's pages
 * (recovery page, popup) may read the settings themselves, so they fill it here, as the
 * background does from its settings cache, and look sites up only after. The content script
 * cannot read the settings: it takes its site from the background's `pageStarted` answer
 * (`SiteView`) instead.
 */
export async function loadCustomSites(): Promise<Settings> {
  const settings = await loadSettings();
  setCustomSites(settings.customSites);
  return settings;
}
