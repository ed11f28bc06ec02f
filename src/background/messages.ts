import { browser, type Runtime } from '~/shared/browser.ts';
import { classifyResponse } from '~/shared/classify.ts';
import { siteCookieScope } from '~/shared/cookie-scope.ts';
import { pagePrompt } from '~/shared/page-prompt.ts';
import type { Handler, MessageType, Response, SiteView } from '~/shared/protocol/messages.ts';
import { readMessage, typeOf } from '~/shared/protocol/read.ts';
import { REQUESTS } from '~/shared/protocol/requests.ts';
import { fromExtensionPage, fromOurExtension, topFrame } from '~/shared/protocol/senders.ts';
import { recoveryQuery } from '~/shared/recovery-link.ts';
import { parseRetryAfter } from '~/shared/retry-policy.ts';
import { isSiteEnabled } from '~/shared/settings/model.ts';
import { statusSourceOf } from '~/shared/status/sources.ts';
import type { SiteAdapter } from '~/sites/index.ts';
import { showBadge } from './badge.ts';
import { currentSites, settings, sites } from './current-settings.ts';
import { draftHandlers } from './draft-handlers.ts';
import { pageHeadersOf, pageTookOf } from './headers.ts';
import { getIncident } from './incident-store.ts';
import { recoverFromPage } from './main-frame.ts';
import { injectPageUi } from './page-ui.ts';
import { record } from './record-incident.ts';
import { RECOVERY_PAGE } from './recovery.ts';
import { handleWatchRequest } from './recovery-watches.ts';
import { clearSiteData } from './site-data.ts';
import { readAllStatuses } from './status/fetch-status.ts';
import { loadOf, recordContentStart } from './tab-loads.ts';
import { uiHandlers } from './ui-handlers.ts';

/**
 * Every request the background answers, once its schema has read it. Requests that act on
 * a tab act only on the sender's own tab, and only when it comes from the top frame of a
 * covered site. Exported so tests can watch what each handler is handed.
 */
export const handlers: { [K in MessageType]: Handler<K> } = {
  ping: () => ({ type: 'pong' }),

  loadPageUi: async (_request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    if (!tab) return { ok: false };
    return { ok: await injectPageUi(tab.tabId, sender) };
  },

  pageStarted: async (request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    if (tab) recordContentStart(tab.tabId, tab.url, Date.now());
    const current = await settings();
    const prompt = pagePrompt(current);
    if (!tab) {
      return {
        status: null,
        verdict: null,
        retryAfterMs: null,
        site: null,
        incident: null,
        prompt,
      };
    }
    // The load this page is: the same address and, where the page read its own status, the
    // same status (a reload of the same address can reach us before its answer's headers).
    const last = loadOf(tab.tabId);
    const load =
      last &&
      last.url.split('#')[0] === tab.url.split('#')[0] &&
      (request.status === null || request.status === last.status)
        ? last
        : null;
    const enabled = isSiteEnabled(current, tab.site.id);
    const incident = enabled ? await getIncident(tab.tabId) : null;
    // Firefox resets a tab's badge when it navigates: put it back.
    if (incident) void showBadge(tab.tabId, incident);
    return {
      status: load ? load.status : null,
      // Judged once, from the answer's status and headers; failing that, from the status
      // the page read of itself (the answer not seen yet, or by a worker started since).
      verdict: load
        ? load.verdict
        : request.status !== null
          ? classifyResponse(request.status, {})
          : null,
      retryAfterMs: load ? parseRetryAfter(load.retryAfter, load.receivedAt) : null,
      site: enabled ? siteView(tab.site) : null,
      incident: incident?.siteId === tab.site.id ? incident : null,
      prompt,
    };
  },

  reportFailure: async (request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    const { verdict, surface } = request;
    if (!tab || !isSiteEnabled(await settings(), tab.site.id)) {
      return { incident: null };
    }
    const incident = await record(tab.tabId, {
      type: 'failure',
      siteId: tab.site.id,
      url: tab.url,
      verdict,
      surface,
      // A failed page's own response: its trace ids for support.
      headers: surface === 'page' ? pageHeadersOf(tab.tabId) : undefined,
      tookMs: surface === 'page' ? pageTookOf(tab.tabId) : undefined,
    });
    return { incident };
  },

  fixTried: async (request, sender) => {
    const tab = senderTab(sender, request.url);
    if (!tab) return { incident: null };
    const incident = await record(tab.tabId, {
      type: 'fix',
      fix: request.fix,
      result: request.result,
    });
    return { incident };
  },

  clearSiteData: async (request, sender) => {
    const tab = senderTab(sender, request.url);
    const { step } = request;
    if (!tab) return { ok: false, cacheCleared: false };
    try {
      const { cacheCleared } = await clearSiteData(tab.site, step);
      await record(tab.tabId, {
        type: 'fix',
        fix: step === 'cookies' ? 'clear-cookies' : 'clear-storage',
        result: 'done',
      });
      return { ok: true, cacheCleared };
    } catch {
      return { ok: false, cacheCleared: false };
    }
  },

  reloadBypassingCache: async (_request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    if (!tab) return { ok: false };
    await record(tab.tabId, { type: 'fix', fix: 'reload-no-cache', result: 'reloaded' });
    await browser.tabs.reload(tab.tabId, { bypassCache: true });
    return { ok: true };
  },

  openNetworkChecks: async (_request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    if (!tab) return { ok: false };
    const incident = await getIncident(tab.tabId);
    const failure = incident?.failure ?? { kind: 'http' as const, status: 500 };
    const url = `${browser.runtime.getURL(RECOVERY_PAGE)}${recoveryQuery(failure, tab.url)}&checks=1&tab=${tab.tabId}`;
    await browser.tabs.create({ url, openerTabId: tab.tabId, index: (sender.tab?.index ?? 0) + 1 });
    return { ok: true };
  },

  // The panel asks from a site's page, the popup from an extension page; both are ours.
  siteStatuses: async (request) => {
    const enabled = await settings();
    const wanted = request.siteIds
      ? request.siteIds.filter((id) => currentSites().byId(id))
      : currentSites().all.map((site) => site.id);
    const ids = wanted.filter((id) => isSiteEnabled(enabled, id));
    return { readings: await readAllStatuses(ids, { force: request.force === true }) };
  },

  ...uiHandlers,

  ...draftHandlers,

  tabIncident: async (request, sender) => {
    if (!fromExtensionPage(sender)) return { incident: null };
    return { incident: await getIncident(request.tabId) };
  },

  recoveryWatch: (request, sender) =>
    handleWatchRequest(
      request,
      senderTab(sender, request.url),
      fromExtensionPage(sender),
      sender.url,
    ),

  openRecovery: async (request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    if (!tab) return { ok: false };
    if (!isSiteEnabled(await settings(), tab.site.id)) return { ok: false };
    await recoverFromPage(tab.tabId, tab.url, request.status);
    return { ok: true };
  },
};

/**
 * The answer to a request its schema dropped: the one its handler gives a sender it
 * refuses, so a sender awaiting an answer gets one of the declared shape. Starting a page
 * has no refusal; it gets no answer, as when the background is reloading.
 */
const REFUSED: { [K in MessageType]: Response<K> | undefined } = {
  ping: undefined,
  loadPageUi: { ok: false },
  pageStarted: undefined,
  reportFailure: { incident: null },
  tabIncident: { incident: null },
  fixTried: { incident: null },
  clearSiteData: { ok: false, cacheCleared: false },
  reloadBypassingCache: { ok: false },
  openNetworkChecks: { ok: false },
  openRecovery: { ok: false },
  siteStatuses: { readings: {} },
  popupTab: { tab: null },
  popupTabAction: { ok: false, cacheCleared: false },
  incidentHistory: { entries: [] },
  wipeHistory: { ok: false },
  draftFind: { found: null },
  draftSave: { ok: false },
  draftDelete: { ok: false },
  draftMove: { ok: false },
  recoveryWatch: { view: null },
};

export function onMessage(message: unknown, sender: Runtime.MessageSender) {
  // Only this extension's own contexts can reach us; anything else is ignored outright.
  if (!fromOurExtension(sender)) return undefined;
  const type = typeOf(REQUESTS, message);
  if (type === null) return undefined;
  const request = readMessage(REQUESTS, type, message);
  if (!request) {
    const refused = REFUSED[type];
    return refused === undefined ? undefined : Promise.resolve(refused);
  }
  const handler = handlers[type] as Handler<MessageType>;
  // The sites first: the user's own are covered as much as the built-in ones.
  return sites().then(() => handler(request, sender));
}

/**
 * The tab a request acts on: the content script's own tab on a covered site, or the tab an
 * extension page (the recovery page) is showing, for the covered address it names.
 */
function senderTab(sender: Runtime.MessageSender, url: string | undefined) {
  const fromPage = topFrameOfCoveredSite(sender);
  if (fromPage) return fromPage;
  const tabId = sender.tab?.id;
  if (!fromExtensionPage(sender) || tabId === undefined || typeof url !== 'string') return null;
  const site = currentSites().forUrl(url);
  return site ? { tabId, url, site } : null;
}

function topFrameOfCoveredSite(sender: Runtime.MessageSender) {
  const frame = topFrame(sender);
  const site = frame && currentSites().forUrl(frame.url);
  return frame && site ? { ...frame, site } : null;
}

function siteView(site: SiteAdapter): SiteView {
  return {
    id: site.id,
    name: site.name,
    hosts: [...site.hosts],
    phrases: {
      outage: [...site.phrases.outage],
      network: [...site.phrases.network],
      notOutage: [...site.phrases.notOutage],
    },
    retryControl: [...(site.retryControl ?? [])],
    composer: [...site.composer],
    statusPage: site.status?.page ?? null,
    statusSource: statusSourceOf(site),
    cookieScope: siteCookieScope(site),
  };
}
