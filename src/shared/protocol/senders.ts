/**
 * Who sent a message, and whether a user asked for it: the checks every receiver makes,
 * written once. A content script runs inside a site's page, so a request from one speaks
 * for that page only; the extension's own pages may act on other tabs; anything that
 * destroys data waits for a real user gesture.
 */
import { browser, type Runtime } from '~/shared/browser.ts';

/** Sent by this extension (its pages or content scripts), never another extension. */
export function fromOurExtension(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** One of the extension's own pages, never a content script in a site's page. */
export function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return fromOurExtension(sender) && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

/**
 * The tab and address of a sender in a tab's top frame, or null (a sub-frame, or no tab).
 * The address is the one the browser reports, never one the page claims.
 */
export function topFrame(sender: Runtime.MessageSender): { tabId: number; url: string } | null {
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (tabId === undefined || sender.frameId !== 0 || typeof url !== 'string' || !url) return null;
  return { tabId, url };
}

/**
 * The user did this: a page's own script can dispatch clicks on our controls, and those
 * are not trusted. Destructive and tab-changing actions go ahead only from a real gesture.
 */
export function fromUser(event: Event): boolean {
  return event.isTrusted === true;
}
