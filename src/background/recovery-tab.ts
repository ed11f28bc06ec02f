/**
 * Is a watched tab still showing the failure the watch would fix? A user may have gone
 * elsewhere between the last check and the good news (typed another address, opened
 * another chat): reloading then would throw away where they went.
 */
export interface TabNow {
  url?: string;
  /** Chromium: the address a navigation in progress is going to. */
  pendingUrl?: string;
}

export function stillOnFailedPage(
  now: TabNow,
  failed: { url: string; recoveryPage: boolean },
  recoveryPageUrl: string,
): boolean {
  const base = (url: string) => url.split('#')[0];
  // A navigation on its way elsewhere wins, whatever the tab still shows.
  if (now.pendingUrl && base(now.pendingUrl) !== base(now.url ?? '')) return false;
  if (!now.url) return false; // Not a page the extension may see: not one of ours.
  if (failed.recoveryPage) return now.url.startsWith(recoveryPageUrl);
  return base(now.url) === base(failed.url);
}
