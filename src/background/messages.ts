import { browser, type Runtime } from '~/shared/browser.ts';
import type { Verdict } from '~/shared/classify.ts';
import { siteCookieScope } from '~/shared/cookie-scope.ts';
import type { MessageType, Request, Response, SiteView } from '~/shared/messages.ts';
import { isRequest } from '~/shared/messages.ts';
import { pagePrompt } from '~/shared/page-prompt.ts';
import { recoveryQuery } from '~/shared/recovery-link.ts';
import { parseRetryAfter } from '~/shared/retry-policy.ts';
import { isSiteEnabled } from '~/shared/settings.ts';
import { SITES, type SiteAdapter, siteById, siteForUrl } from '~/sites/index.ts';
import { draftHandlers } from './draft-handlers.ts';
import { pageHeadersOf, pageTookOf } from './headers.ts';
import { FIX_KINDS } from './incident.ts';
import { getIncident } from './incident-store.ts';
import { record, showBadge } from './incidents.ts';
import { recoverFromPage } from './main-frame.ts';
import { injectPageUi } from './page-ui.ts';
import { RECOVERY_PAGE } from './recovery.ts';
import { handleWatchRequest } from './recovery-watches.ts';
import { settings } from './settings-cache.ts';
import { clearSiteData } from './site-data.ts';
import { readAllStatuses } from './status/fetch-status.ts';
import { loadOf, recordContentStart } from './tab-loads.ts';
import { uiHandlers } from './ui-handlers.ts';

type Handler<K extends MessageType> = (
  request: Request<K>,
  sender: Runtime.MessageSender,
) => Response<K> | Promise<Response<K>>;

/**
 * Every request the background answers. Requests that act on a tab act only on the
 * sender's own tab, and only when it comes from the top frame of a covered site.
 */
const handlers: { [K in MessageType]: Handler<K> } = {
  ping: () => ({ type: 'pong' }),

  loadPageUi: async (_request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    if (!tab) return { ok: false };
    return { ok: await injectPageUi(tab.tabId, sender) };
  },

  pageStarted: async (_request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    if (tab) recordContentStart(tab.tabId, tab.url, Date.now());
    const prompt = pagePrompt(await settings());
    if (!tab) return { status: null, retryAfterMs: null, site: null, incident: null, prompt };
    const load = loadOf(tab.tabId);
    const sameUrl = load && load.url.split('#')[0] === tab.url.split('#')[0];
    const enabled = isSiteEnabled(await settings(), tab.site.id);
    const incident = enabled ? await getIncident(tab.tabId) : null;
    // Firefox resets a tab's badge when it navigates: put it back.
    if (incident) void showBadge(tab.tabId, incident);
    return {
      status: sameUrl ? load.status : null,
      retryAfterMs: sameUrl ? parseRetryAfter(load.retryAfter, load.receivedAt) : null,
      site: enabled ? siteView(tab.site) : null,
      incident: incident?.siteId === tab.site.id ? incident : null,
      prompt,
    };
  },

  reportFailure: async (request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    const verdict = validVerdict(request.verdict);
    const surface = request.surface === 'page' ? 'page' : 'compact';
    if (!tab || !verdict || !isSiteEnabled(await settings(), tab.site.id)) {
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
    if (!tab || !FIX_KINDS.includes(request.fix) || typeof request.result !== 'string') {
      return { incident: null };
    }
    const incident = await record(tab.tabId, {
      type: 'fix',
      fix: request.fix,
      result: request.result,
    });
    return { incident };
  },

  clearSiteData: async (request, sender) => {
    const tab = senderTab(sender, request.url);
    const step = request.step === 'cookies' ? 'cookies' : 'storage';
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
    const wanted = Array.isArray(request.siteIds)
      ? request.siteIds.filter((id) => typeof id === 'string' && siteById(id))
      : SITES.map((site) => site.id);
    const ids = wanted.filter((id) => isSiteEnabled(enabled, id));
    return { readings: await readAllStatuses(ids, { force: request.force === true }) };
  },

  ...uiHandlers,

  ...draftHandlers,

  tabIncident: async (request, sender) => {
    if (!fromExtensionPage(sender) || !Number.isInteger(request.tabId)) return { incident: null };
    return { incident: await getIncident(request.tabId) };
  },

  recoveryWatch: (request, sender) =>
    handleWatchRequest(request, senderTab(sender, request.url), fromExtensionPage(sender)),

  openRecovery: async (request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    if (!tab || !Number.isInteger(request.status)) return { ok: false };
    if (!isSiteEnabled(await settings(), tab.site.id)) return { ok: false };
    await recoverFromPage(tab.tabId, tab.url, request.status);
    return { ok: true };
  },
};

export function onMessage(message: unknown, sender: Runtime.MessageSender) {
  // Only this extension's own contexts can reach us; anything else is ignored outright.
  if (sender.id !== browser.runtime.id || !isRequest(message)) return undefined;
  if (!Object.hasOwn(handlers, message.type)) return undefined;
  const handler = handlers[message.type as MessageType] as Handler<MessageType>;
  // Settings first: they teach the site registry the user's own sites.
  return settings().then(() => handler(message as Request<MessageType>, sender));
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
  const site = siteForUrl(url);
  return site ? { tabId, url, site } : null;
}

/** One of the extension's own pages, never a content script in a site's page. */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

function topFrameOfCoveredSite(sender: Runtime.MessageSender) {
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (tabId === undefined || sender.frameId !== 0 || !url) return null;
  const site = siteForUrl(url);
  return site ? { tabId, url, site } : null;
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
    cookieScope: siteCookieScope(site),
  };
}

/** A content script runs inside the site's process: take nothing it says on trust. */
function validVerdict(value: unknown): Verdict | null {
  const v = value as Verdict | null;
  if (!v || typeof v !== 'object') return null;
  if (v.kind === 'refusal' && typeof v.refusal === 'string') {
    return {
      kind: 'refusal',
      refusal: v.refusal,
      status: Number.isInteger(v.status) ? v.status : null,
    };
  }
  if (v.kind !== 'outage' || !v.failure || typeof v.failure !== 'object') return null;
  const f = v.failure;
  if (f.kind === 'http' && Number.isInteger(f.status))
    return { kind: 'outage', failure: { kind: 'http', status: f.status } };
  if (f.kind === 'page' && typeof f.text === 'string') {
    return { kind: 'outage', failure: { kind: 'page', text: f.text.slice(0, 280) } };
  }
  if (f.kind === 'network' && typeof f.raw === 'string') {
    return {
      kind: 'outage',
      failure: { kind: 'network', network: 'other', raw: f.raw.slice(0, 80) },
    };
  }
  return null;
}
