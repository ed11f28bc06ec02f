/**
 * The recovery watches wired to the browser: session storage, a timer while the worker
 * lives and an alarm beyond it, the light probe, the status reader, and the tabs.
 */
import { browser } from '~/shared/browser.ts';
import { t } from '~/shared/i18n.ts';
import { retryConfig } from '~/shared/page-prompt.ts';
import { sendToExtensionPages, sendToTab } from '~/shared/protocol/messages.ts';
import type { RecoveryProtocol } from '~/shared/protocol/recovery-messages.ts';
import { parseRecoveryQuery } from '~/shared/recovery-link.ts';
import { isSiteEnabled } from '~/shared/settings/model.ts';
import { chatStatusSignal } from '~/shared/status/advice.ts';
import { TIMINGS } from '~/shared/timings.ts';
import type { SiteAdapter } from '~/sites/index.ts';
import { BADGE_BACKGROUND } from './badge.ts';
import { currentSites, settings } from './current-settings.ts';
import { getIncident } from './incident-store.ts';
import { record } from './record-incident.ts';
import { RECOVERY_PAGE } from './recovery.ts';
import { stillOnFailedPage, type TabNow } from './recovery-tab.ts';
import { createRecoveryWatch, type Watch } from './recovery-watch.ts';
import { probeSite } from './site-probe.ts';
import { readStatus } from './status/fetch-status.ts';

const ALARM_PREFIX = 'gateway-guard-recovery:';
const timers = new Map<string, ReturnType<typeof setTimeout>>();

export const watches = createRecoveryWatch({
  now: () => Date.now(),
  random: () => Math.random(),
  store: {
    async get(key) {
      return ((await browser.storage.session.get(key)) ?? {}) as Record<string, unknown>;
    },
    async set(items) {
      await browser.storage.session.set(items);
    },
    async remove(key) {
      await browser.storage.session.remove(key);
    },
    async all() {
      const everything = (await browser.storage.session.get(null)) as Record<string, unknown>;
      return Object.entries(everything)
        .filter(([key]) => key.startsWith('watch:'))
        .map(([, value]) => value as Watch);
    },
  },
  async config() {
    const current = await settings();
    return current.autoRetry.enabled ? retryConfig(current.autoRetry) : null;
  },
  statusEveryMs: TIMINGS.recoveryStatusEveryMs,
  probe: (url) => probeSite(url),
  async readStatus(siteId) {
    return chatStatusSignal(await readStatus(siteId, { force: true }));
  },
  async stillFailing(tabId, siteId) {
    const incident = await getIncident(tabId);
    return (
      incident?.siteId === siteId && incident.failure !== null && incident.surface !== 'compact'
    );
  },
  async bringBack(tabId, tab) {
    try {
      const now = (await browser.tabs.get(tabId)) as TabNow;
      if (!stillOnFailedPage(now, tab, browser.runtime.getURL(RECOVERY_PAGE))) return;
      if (tab.recoveryPage) await browser.tabs.update(tabId, { url: tab.url });
      else await browser.tabs.reload(tabId);
    } catch {
      // The tab was closed meanwhile.
    }
  },
  noteCheck(tabIds, result) {
    for (const tabId of tabIds) void record(tabId, { type: 'fix', fix: 'auto-retry', result });
  },
  notify(tabIds, view) {
    const watching = view.state === 'waiting' || view.state === 'paused-offline';
    for (const tabId of tabIds) {
      void sendToTab(tabId, 'watchChanged', { view });
      void showWatching(tabId, watching ? view.siteName : null);
    }
    // The recovery pages are extension pages: they hear the runtime, not the tab.
    void sendToExtensionPages('watchChanged', { view });
  },
  wakeAt(siteId, at) {
    clearTimeout(timers.get(siteId));
    timers.delete(siteId);
    const name = `${ALARM_PREFIX}${siteId}`;
    if (at === null) {
      void browser.alarms?.clear(name).catch(() => false);
      return;
    }
    const wait = Math.max(0, at - Date.now());
    timers.set(
      siteId,
      setTimeout(() => void watches.wake(siteId), wait + 20),
    );
    // Outlives the worker (Chrome holds a packed extension's alarms to 30 s at the least).
    void browser.alarms
      ?.create(name, { when: Math.max(at, Date.now() + 1000) })
      ?.catch?.(() => undefined);
  },
  siteName: (siteId) => currentSites().byId(siteId)?.name ?? siteId,
});

/** A blue badge: 6.4:1 with white text; the failure's red comes back when checking stops. */
export const WATCHING_BADGE = '#1A5FB4';

/**
 * The toolbar says the site is being watched: the badge turns from red to blue and its
 * tooltip says so (null: no longer watched).
 */
async function showWatching(tabId: number, siteName: string | null): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({
      tabId,
      color: siteName ? WATCHING_BADGE : BADGE_BACKGROUND,
    });
    await browser.action.setTitle({
      tabId,
      title: siteName ? t('popupWatching', siteName) : t('extName'),
    });
  } catch {
    // The tab is gone.
  }
}

/** Whether the site's watch is checking for this tab now (the popup says so). */
export async function isWatching(siteId: string, tabId: number): Promise<boolean> {
  const watch = await watches.load(siteId).catch(() => null);
  return (
    !!watch &&
    String(tabId) in watch.tabs &&
    (watch.state === 'waiting' || watch.state === 'paused-offline')
  );
}

/** Called at the worker's top level, so an alarm can wake it. */
export function listenForRecoveryAlarms(): void {
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(ALARM_PREFIX))
      void watches.wake(alarm.name.slice(ALARM_PREFIX.length));
  });
}

type WatchRequest = RecoveryProtocol['recoveryWatch']['request'];

type WatchedTab = { tabId: number; url: string; site: SiteAdapter };

/**
 * A tab's request, for the tab the sender is (its content script on a covered page) or
 * shows (the recovery page, naming the failed address, at `pageUrl`); the caller checked
 * which.
 */
export async function handleWatchRequest(
  request: WatchRequest,
  tab: WatchedTab | null,
  onRecoveryPage: boolean,
  pageUrl?: string,
): Promise<RecoveryProtocol['recoveryWatch']['response']> {
  // The request's shape was checked on arrival (see protocol/requests.ts).
  if (!tab || !isSiteEnabled(await settings(), tab.site.id)) return { view: null };
  if (onRecoveryPage && request.action === 'join' && pageUrl) {
    await resumeRestoredEpisode(tab, pageUrl);
  }
  const retryAfterMs = request.retryAfterMs == null ? null : Math.max(0, request.retryAfterMs);
  const view = await watches.request({
    action: request.action,
    tabId: tab.tabId,
    siteId: tab.site.id,
    url: tab.url,
    recoveryPage: onRecoveryPage,
    hidden: request.hidden === true,
    online: request.online !== false,
    retryAfterMs,
  });
  return { view };
}

/**
 * A recovery page whose tab has no episode is one the browser restored after a restart
 * (episodes live in session storage, which the restart cleared): its own address says what
 * failed, so the failure starts a new episode there and the site is watched again, as
 * for a site tab that the browser restored and that failed again on loading.
 */
async function resumeRestoredEpisode(tab: WatchedTab, pageUrl: string): Promise<void> {
  const incident = await getIncident(tab.tabId);
  if (incident?.siteId === tab.site.id && incident.failure !== null) return;
  const target = parseRecoveryQuery(new URL(pageUrl).search, currentSites());
  if (!target || target.checksOnly || target.url !== tab.url) return;
  await record(tab.tabId, {
    type: 'failure',
    siteId: tab.site.id,
    url: tab.url,
    verdict: { kind: 'outage', failure: target.failure },
    surface: 'recovery',
  });
}
