import type { Settings } from '~/shared/settings/model.ts';
import { loadSettings } from '~/shared/settings/storage.ts';
import { type SiteRegistry, siteRegistry } from '~/sites/index.ts';

/**
 * The extension's pages (recovery page, popup) read the settings themselves and build the
 * same site registry the background builds from them, the user's own sites included. (The
 * content script cannot read the settings: the background hands it its site, a `SiteView`.)
 */
export async function loadSites(): Promise<{ settings: Settings; sites: SiteRegistry }> {
  const settings = await loadSettings();
  return { settings, sites: siteRegistry(settings.customSites) };
}
