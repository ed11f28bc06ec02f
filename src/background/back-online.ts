import { browser } from '~/shared/browser.ts';
import { t } from '~/shared/i18n.ts';
import type { Incident } from '~/shared/incident.ts';
import { settings, sites } from './current-settings.ts';

/**
 * "Back online": when a site the user was rescued from works again (a healthy load after a
 * failed page, which is what a successful automatic retry leads to), say so, if the user
 * turned this on and granted the notifications permission. Refusals were never outages.
 */
export async function announceBackOnline(incident: Incident): Promise<void> {
  if (!incident.failure) return;
  if (!(await settings()).notifyBackOnline) return;
  const granted = await browser.permissions
    .contains({ permissions: ['notifications'] })
    .catch(() => false);
  // The permission is optional: without it, `browser.notifications` does not even exist.
  if (!granted || !browser.notifications) return;
  const name = (await sites()).byId(incident.siteId)?.name ?? incident.siteId;
  await browser.notifications
    .create(`back-online:${incident.siteId}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: t('backOnlineTitle', name),
      message: t('backOnlineMessage', name),
    })
    .catch(() => undefined);
}
