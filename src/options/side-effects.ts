/**
 * What a change of settings does beyond storing it: drafts follow the new retention at
 * once (or go, when draft rescue is turned off), and the notifications permission is given
 * back when it is no longer needed. The background reads the rest from storage itself.
 */
import { browser } from '~/shared/browser.ts';
import { pruneStoredDrafts, setDraftRetention, wipeDrafts } from '~/shared/drafts/storage.ts';
import type { Settings } from '~/shared/settings/model.ts';

const HOUR_MS = 60 * 60 * 1000;

export async function applySideEffects(before: Settings, after: Settings): Promise<void> {
  if (before.drafts.enabled && !after.drafts.enabled) {
    await wipeDrafts();
  } else if (after.drafts.keepHours < before.drafts.keepHours) {
    setDraftRetention(after.drafts.keepHours * HOUR_MS);
    await pruneStoredDrafts();
  }
  if (before.notifyBackOnline && !after.notifyBackOnline) {
    await browser.permissions.remove({ permissions: ['notifications'] }).catch(() => false);
  }
}

/**
 * Asks for the notifications permission. Call it straight from the click: browsers only
 * show the prompt for a user gesture.
 */
export function requestNotifications(): Promise<boolean> {
  try {
    return browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

export function hasNotifications(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
}
