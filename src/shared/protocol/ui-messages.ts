/**
 * Requests from the extension's own pages (toolbar popup, options, welcome) to the
 * background. Declared here and merged into the one protocol in messages.ts; handled in
 * src/background/ui-handlers.ts. Only extension pages may send them.
 */
import type { Incident } from '~/shared/incident.ts';
import type { CookieScope } from '../cookie-scope.ts';
import type { HistoryEntry } from '../history.ts';
import type { SiteStatusSource } from '../status/sources.ts';

/** The popup's view of one tab on a covered site (or on the recovery page for one). */
export interface PopupTab {
  tabId: number;
  siteId: string;
  siteName: string;
  /** The site's hosts (the network checks and the report name them). */
  hosts: readonly string[];
  /** The covered address: for a tab on the recovery page, the address that failed. */
  url: string;
  /** The user has not turned the site off. */
  enabled: boolean;
  incident: Incident | null;
  statusPage: string | null;
  /** Where its live status comes from (read, linked, or the nearest public source). */
  statusSource: SiteStatusSource;
  onRecoveryPage: boolean;
  /** Automatic recovery is checking the site for this tab (until it answers). */
  watched?: boolean;
  /** What clearing the site's cookies really reaches. */
  cookieScope: CookieScope;
}

/** The popup's quick actions on a tab (the panel's own, from outside the page). */
export type PopupTabAction = 'retry' | 'clear-storage' | 'clear-cookies';

export type UiProtocol = {
  /** What the popup shows for a tab; null when the tab is not on a covered site. */
  popupTab: { request: { tabId: number }; response: { tab: PopupTab | null } };
  /**
   * Retry now (reload, or back from the recovery page to the failed address), or clear the
   * site's data (then reload), for a tab that is on a covered site.
   */
  popupTabAction: {
    request: { tabId: number; action: PopupTabAction };
    response: { ok: boolean; cacheCleared: boolean };
  };
  /** Ended incidents on this device, newest first. */
  incidentHistory: { request: Record<string, never>; response: { entries: HistoryEntry[] } };
  /** Forgets the incident history and every saved draft. */
  wipeHistory: { request: Record<string, never>; response: { ok: boolean } };
};
