import type { FixKind, Incident } from '~/shared/incident.ts';
import { browser, type Runtime } from '../browser.ts';
import type { Verdict } from '../classify.ts';
import type { CookieScope } from '../cookie-scope.ts';
import type { Draft } from '../drafts/rules.ts';
import type { PagePrompt } from '../page-prompt.ts';
import type { SiteStatusSource } from '../status/sources.ts';
import type { StatusReading } from '../status/types.ts';
import type { Message } from './read.ts';
import type { RecoveryProtocol, RecoveryTabProtocol } from './recovery-messages.ts';
import type { UiProtocol } from './ui-messages.ts';

/** Live status of the sites, read from their status pages (extension pages and the panel). */
export interface StatusProtocol {
  /**
   * The current reading for each site asked for (all enabled sites when none are named),
   * from cache when fresh; `force` reads again (subject to backoff after failures).
   */
  siteStatuses: {
    request: { siteIds?: string[]; force?: boolean };
    response: { readings: Record<string, StatusReading> };
  };
}

/** What the content script needs to know of its site (from the adapter, via the background). */
export interface SiteView {
  id: string;
  name: string;
  /** The hosts of its pages (the network checks probe the one the page is on). */
  hosts: string[];
  phrases: { outage: string[]; network: string[]; notOutage: string[] };
  retryControl: string[];
  /** CSS selectors of the message composer, most specific first. */
  composer: string[];
  /** The site's public status page (null: it has none). */
  statusPage: string | null;
  /** Where its status comes from: read, linked, or the nearest public source. */
  statusSource: SiteStatusSource;
  /** What clearing its cookies really reaches (computed in the background). */
  cookieScope: CookieScope;
}

/**
 * Draft rescue, for a covered page's content script: every key must be of the sender's own
 * site (`draft:<site of the sender's URL> <path>`), or the request is refused. Drafts of a
 * private window are kept in memory only.
 */
export interface DraftProtocol {
  /** Drops expired drafts, then the draft to offer on the page at `key` (see findDraft). */
  draftFind: {
    request: { key: string };
    response: { found: { key: string; draft: Draft } | null };
  };
  /** Saves the composer's text (blank text removes the draft). */
  draftSave: { request: { key: string; text: string; sentAt?: number }; response: { ok: boolean } };
  /** Removes the draft; with `ifText`, only while it still holds that text. */
  draftDelete: { request: { key: string; ifText?: string }; response: { ok: boolean } };
  /** Moves a draft to another page of the same site, keeping its age. */
  draftMove: { request: { from: string; to: string; sentAt?: number }; response: { ok: boolean } };
}

/**
 * The one message protocol: each request to the background is declared once here with
 * its answer, so senders get typed calls and the background a typed handler table. Each
 * also has a schema (protocol/requests.ts), read by the background before any handler runs.
 */
export interface BackgroundProtocol extends StatusProtocol, UiProtocol, DraftProtocol {
  /** Anyone: is the background up and listening? */
  ping: { request: Record<string, never>; response: { type: 'pong' } };
  /**
   * A covered page's bootstrap has something to show: the page UI file is injected into the
   * sender's own top frame (never another tab or frame).
   */
  loadPageUi: { request: Record<string, never>; response: { ok: boolean } };
  /**
   * The top frame's content script has started on a covered page. It reports the status it
   * read itself and gets back the status the network layer saw (pull, not push: a message
   * pushed at response time can arrive before the content script listens), its site (null
   * when the user turned the site off) and the tab's current incident.
   */
  pageStarted: {
    request: { status: number | null };
    response: {
      /** The page's answer as the background saw it: its status, and what that says. */
      status: number | null;
      verdict: Verdict | null;
      /** The failed answer's Retry-After, in ms from now. */
      retryAfterMs: number | null;
      site: SiteView | null;
      incident: Incident | null;
      /** How to show trouble and which help to offer, from the settings. */
      prompt: PagePrompt;
    };
  };
  /** The content script found a failure in its page (an error document or a notice). */
  reportFailure: {
    request: { verdict: Verdict; surface: 'page' | 'compact' };
    response: { incident: Incident | null };
  };
  /** The extension's own pages (popup, recovery page): a tab's current incident. */
  tabIncident: { request: { tabId: number }; response: { incident: Incident | null } };
  /**
   * A fix was tried on the sender's tab (from its content script, or from the recovery page
   * showing that tab, which names the failed address).
   */
  fixTried: {
    request: { fix: FixKind; result: string; url?: string };
    response: { incident: Incident | null };
  };
  /**
   * Clears the failing site's own data (from its adapter) for the sender's tab: first cache
   * and storage, keeping cookies; then, as a separate confirmed step, cookies too. The panel
   * only sends this from a trusted click.
   */
  clearSiteData: {
    request: { step: 'storage' | 'cookies'; url?: string };
    response: { ok: boolean; cacheCleared: boolean };
  };
  /** Reloads the sender's tab, bypassing the HTTP cache. */
  reloadBypassingCache: { request: Record<string, never>; response: { ok: boolean } };
  /** Opens the full network checks (an extension page) for the sender's site, next to it. */
  openNetworkChecks: { request: Record<string, never>; response: { ok: boolean } };
  /**
   * The page is an error page with nothing on it to help the user (an empty body): move
   * the sender's own tab to the recovery page for the sender's own URL.
   */
  openRecovery: { request: { status: number }; response: { ok: boolean } };
}

/**
 * Messages the background sends to a tab's content script (and, for a watch, to the
 * extension's pages). Each has a schema (protocol/tab-messages.ts), read by
 * onBackgroundMessage (in the same module) before any listener sees it.
 */
export interface TabProtocol {
  /** The tab's incident changed (null: it is over). */
  incident: { request: { incident: Incident | null }; response: undefined };
  /** One of the tab's chat requests finished: ok (2xx) or failed (5xx, network error). */
  chatSettled: { request: { ok: boolean }; response: undefined };
}

export type MessageType = keyof BackgroundProtocol;
export type Request<K extends MessageType> = Message<BackgroundProtocol, K>;
export type Response<K extends MessageType> = BackgroundProtocol[K]['response'];
/** The background's answer to one request, checked by the compiler against its declaration. */
export type Handler<K extends MessageType> = (
  request: Request<K>,
  sender: Runtime.MessageSender,
) => Response<K> | Promise<Response<K>>;
export type TabMessageType = keyof TabProtocol;
export type TabMessage<K extends TabMessageType> = Message<TabProtocol, K>;

// Automatic recovery's messages (declared in recovery-messages.ts) join the protocol.
export interface BackgroundProtocol extends RecoveryProtocol {}
export interface TabProtocol extends RecoveryTabProtocol {}

export function sendToBackground<K extends MessageType>(
  type: K,
  request: BackgroundProtocol[K]['request'],
): Promise<Response<K>> {
  return browser.runtime.sendMessage({ ...request, type }) as Promise<Response<K>>;
}

export function sendToTab<K extends TabMessageType>(
  tabId: number,
  type: K,
  request: TabProtocol[K]['request'],
): Promise<void> {
  // No content script there (yet) is normal: it pulls the state when it starts.
  try {
    return browser.tabs
      .sendMessage(tabId, { ...request, type }, { frameId: 0 })
      .then(() => undefined)
      .catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}

/** Tells the extension's open pages (the recovery page) about a change. */
export function sendToExtensionPages<K extends TabMessageType>(
  type: K,
  request: TabProtocol[K]['request'],
): Promise<void> {
  // No page of ours open is normal: nobody listens, and nobody needs to know.
  try {
    return browser.runtime
      .sendMessage({ ...request, type })
      .then(() => undefined)
      .catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}
