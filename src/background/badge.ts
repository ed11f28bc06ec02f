import { browser } from '~/shared/browser.ts';
import { badgeText, type Incident } from '~/shared/incident.ts';

/** A deep red with white text: 6.5:1, readable for most colour vision, in light and dark. */
export const BADGE_BACKGROUND = '#B3261E';
export const BADGE_TEXT = '#FFFFFF';

export async function showBadge(tabId: number, incident: Incident | null): Promise<void> {
  const text = badgeText(incident);
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND });
    await browser.action.setBadgeTextColor?.({ tabId, color: BADGE_TEXT });
  } catch {
    // The tab is gone.
  }
}
