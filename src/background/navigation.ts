import { browser, type Tabs } from '~/shared/browser.ts';
import { sites } from './current-settings.ts';
import { record } from './record-incident.ts';
import { RECOVERY_PAGE, sentToRecovery } from './recovery.ts';

/**
 * A tab that leaves its site ends that site's episode. Loads of covered pages are seen by
 * webRequest; loads of other pages only here (their address is hidden from us without the
 * "tabs" permission, which is itself the sign that the tab went elsewhere).
 */
export async function onTabUpdated(
  tabId: number,
  change: Tabs.OnUpdatedChangeInfoType,
  tab: Tabs.Tab,
) {
  if (change.status !== 'loading') return;
  const url = change.url ?? tab.url;
  const expected = sentToRecovery.delete(tabId);
  if (expected || url?.startsWith(browser.runtime.getURL(RECOVERY_PAGE))) return;
  const site = url ? (await sites()).forUrl(url) : null;
  if (site) return; // A covered page: its own load decides.
  void record(tabId, { type: 'page-loaded', siteId: null, healthy: true });
}
