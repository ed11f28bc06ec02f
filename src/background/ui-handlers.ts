import { browser } from '~/shared/browser.ts';
import { siteCookieScope } from '~/shared/cookie-scope.ts';
import type { Handler } from '~/shared/protocol/messages.ts';
import { fromExtensionPage } from '~/shared/protocol/senders.ts';
import type { PopupTab, UiProtocol } from '~/shared/protocol/ui-messages.ts';
import { parseRecoveryQuery } from '~/shared/recovery-link.ts';
import { isSiteEnabled } from '~/shared/settings/model.ts';
import { statusSourceOf } from '~/shared/status/sources.ts';
import type { SiteAdapter } from '~/sites/index.ts';
import { currentSites, settings } from './current-settings.ts';
import { readHistory, wipeHistoryAndDrafts } from './history-log.ts';
import { getIncident } from './incident-store.ts';
import { record } from './record-incident.ts';
import { RECOVERY_PAGE } from './recovery.ts';
import { isWatching } from './recovery-watches.ts';
import { clearSiteData } from './site-data.ts';

/**
 * Handlers for the popup, options and welcome pages. Each one first checks that the sender
 * is one of the extension's own pages: a content script runs inside a site's page and must
 * never reach another tab or the history.
 */
export const uiHandlers: { [K in keyof UiProtocol]: Handler<K> } = {
  popupTab: async (request, sender) => {
    if (!fromExtensionPage(sender)) return { tab: null };
    return { tab: await coveredTab(request.tabId) };
  },

  popupTabAction: async (request, sender) => {
    const refused = { ok: false, cacheCleared: false };
    if (!fromExtensionPage(sender)) return refused;
    const tab = await coveredTab(request.tabId);
    if (!tab) return refused;
    const site = currentSites().byId(tab.siteId) as SiteAdapter;
    try {
      if (request.action === 'retry') {
        await record(tab.tabId, { type: 'fix', fix: 'retry-now', result: 'retried' });
        await reopen(tab, false);
        return { ok: true, cacheCleared: false };
      }
      const step = request.action === 'clear-cookies' ? 'cookies' : 'storage';
      const { cacheCleared } = await clearSiteData(site, step);
      await record(tab.tabId, {
        type: 'fix',
        fix: step === 'cookies' ? 'clear-cookies' : 'clear-storage',
        result: 'done',
      });
      await reopen(tab, true);
      return { ok: true, cacheCleared };
    } catch {
      return refused;
    }
  },

  incidentHistory: async (_request, sender) => {
    if (!fromExtensionPage(sender)) return { entries: [] };
    return { entries: await readHistory().catch(() => []) };
  },

  wipeHistory: async (_request, sender) => {
    if (!fromExtensionPage(sender)) return { ok: false };
    try {
      await wipeHistoryAndDrafts();
      return { ok: true };
    } catch {
      return { ok: false };
    }
  },
};

/**
 * The tab, if it shows a covered site, or the recovery page for one. The address comes from
 * the tab (visible to us on covered hosts and our own pages) or, where the browser hides it,
 * from the tab's running incident: an episode ends as soon as its tab goes elsewhere.
 */
async function coveredTab(id: number): Promise<PopupTab | null> {
  const tab = await browser.tabs.get(id).catch(() => null);
  if (!tab) return null;
  const incident = await getIncident(id);
  const recoveryPage = browser.runtime.getURL(RECOVERY_PAGE);
  let url: string | null = null;
  let onRecoveryPage = false;
  if (tab.url?.startsWith(recoveryPage)) {
    url = parseRecoveryQuery(new URL(tab.url).search, currentSites())?.url ?? null;
    onRecoveryPage = true;
  } else if (tab.url) {
    url = tab.url;
  } else if (incident) {
    url = incident.url;
    onRecoveryPage = incident.surface === 'recovery';
  }
  const site = url ? currentSites().forUrl(url) : null;
  if (!url || !site) return null;
  return {
    tabId: id,
    siteId: site.id,
    siteName: site.name,
    hosts: site.hosts,
    url,
    enabled: isSiteEnabled(await settings(), site.id),
    incident: incident?.siteId === site.id ? incident : null,
    statusPage: site.status?.page ?? null,
    statusSource: statusSourceOf(site),
    onRecoveryPage,
    cookieScope: siteCookieScope(site),
    watched: await isWatching(site.id, id),
  };
}

/** Reloads the site in the tab: from the recovery page, back to the address that failed. */
async function reopen(tab: PopupTab, bypassCache: boolean): Promise<void> {
  if (tab.onRecoveryPage) await browser.tabs.update(tab.tabId, { url: tab.url });
  else await browser.tabs.reload(tab.tabId, { bypassCache });
}
