/**
 * Keeping drafts within their limits and out of reach of pages: expired drafts go when the
 * worker starts and on an hourly alarm (not only when a page of that site loads again), a
 * private window's drafts go when the last private window closes, and, in Chrome, extension
 * storage is closed to content scripts (they reach drafts through the background only).
 */
import { browser } from '~/shared/browser.ts';
import { localDrafts, privateDrafts, setDraftRetention } from '~/shared/drafts/storage.ts';
import { settings } from './current-settings.ts';

export const DRAFT_PRUNE_ALARM = 'gateway-guard-prune-drafts';
const PRUNE_PERIOD_MINUTES = 60;
const HOUR_MS = 60 * 60 * 1000;

/** Drops every draft past the retention in force, in normal and private storage. */
export async function pruneAllDrafts(): Promise<void> {
  const current = await settings();
  setDraftRetention(current.drafts.keepHours * HOUR_MS);
  if (!current.drafts.enabled) {
    await localDrafts.wipeDrafts().catch(() => undefined);
    await privateDrafts.wipeDrafts().catch(() => undefined);
    return;
  }
  await localDrafts.pruneStoredDrafts().catch(() => undefined);
  await privateDrafts.pruneStoredDrafts().catch(() => undefined);
}

/** Called at the worker's top level, so the alarm can wake it. */
export function listenForDraftAlarm(): void {
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === DRAFT_PRUNE_ALARM) void pruneAllDrafts();
  });
}

/** On every worker start: prune now, and make sure the hourly alarm exists. */
export async function startDraftUpkeep(): Promise<void> {
  await pruneAllDrafts();
  const alarms = browser.alarms;
  if (alarms && !(await alarms.get(DRAFT_PRUNE_ALARM).catch(() => undefined))) {
    await alarms
      .create(DRAFT_PRUNE_ALARM, { periodInMinutes: PRUNE_PERIOD_MINUTES })
      .catch(() => undefined);
  }
}

/** A window closed: when no private window is left, its drafts are forgotten. */
export async function onWindowClosed(): Promise<void> {
  const windows = await browser.windows?.getAll().catch(() => null);
  if (windows && !windows.some((w) => w.incognito)) await privateDrafts.wipeDrafts();
}

type AccessLevel = { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' };
type Restrictable = { setAccessLevel?: (level: AccessLevel) => Promise<void> };

/**
 * Chrome lets content scripts read `storage.local` and `storage.sync` unless told not to;
 * nothing of ours needs that, so only the worker and extension pages may. Firefox has no
 * such switch (there, content scripts simply never ask).
 */
export async function restrictStorageToTrustedContexts(): Promise<void> {
  for (const area of [browser.storage.local, browser.storage.sync] as Restrictable[]) {
    try {
      await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
    } catch {
      // Not supported here.
    }
  }
}
