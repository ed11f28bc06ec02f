import { browser } from '~/shared/browser.ts';
import type { Failure } from '~/shared/failure.ts';
import { recoveryQuery } from '~/shared/recovery-link.ts';

export const RECOVERY_PAGE = 'src/recovery/index.html';

/** Tabs on their way to the recovery page: that load is not "leaving the site". */
export const sentToRecovery = new Set<number>();

/**
 * Where no content script can run (the browser's own error page), the tab is sent to the
 * extension's recovery page, which shows the same panel for the original address.
 */
export async function openRecoveryPage(
  tabId: number,
  failure: Failure,
  url: string,
  retryAfterMs: number | null = null,
) {
  const target = browser.runtime.getURL(RECOVERY_PAGE) + recoveryQuery(failure, url, retryAfterMs);
  sentToRecovery.add(tabId);
  try {
    await browser.tabs.update(tabId, { url: target });
  } catch {
    // The tab was closed meanwhile: nothing left to rescue.
  }
}
