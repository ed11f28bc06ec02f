/**
 * Writes ended incidents to the history in local storage, one write at a time (two tabs
 * recovering together must not lose an entry), bounded by count and the retention setting.
 */
import { browser } from '~/shared/browser.ts';
import { wipeDrafts } from '~/shared/drafts/storage.ts';
import {
  appendHistory,
  boundHistory,
  endingOf,
  HISTORY_KEY,
  type HistoryEnd,
  type HistoryEntry,
  historyEntry,
} from '~/shared/history.ts';
import type { Incident, IncidentEvent } from '~/shared/incident.ts';
import { settings } from './current-settings.ts';
import { isPrivateTab } from './private-tabs.ts';

let queue: Promise<unknown> = Promise.resolve();

function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function stored(): Promise<unknown> {
  return (await browser.storage.local.get(HISTORY_KEY))[HISTORY_KEY];
}

/** After an event changed a tab's incident: logs the episode that ended, if one did. */
export function noteEnding(
  before: Incident | null,
  after: Incident | null,
  event: IncidentEvent,
  tabId?: number,
): Promise<void> {
  const ended = endingOf(before, after, event);
  return before && ended ? logEnded(before, ended, Date.now(), tabId) : Promise.resolve();
}

/** Logs an ended episode; never one of a private window's tab (nothing of those on disk). */
export async function logEnded(
  incident: Incident,
  ended: HistoryEnd,
  now = Date.now(),
  tabId?: number,
): Promise<void> {
  const entry = historyEntry(incident, now, ended);
  if (!entry || (await isPrivateTab(tabId).catch(() => true))) return;
  return serial(async () => {
    const { keepDays } = (await settings()).history;
    await browser.storage.local.set({
      [HISTORY_KEY]: appendHistory(await stored(), entry, now, keepDays),
    });
  }).catch(() => undefined);
}

/** The history, newest first, with entries past the retention dropped (and forgotten). */
export function readHistory(now = Date.now()): Promise<HistoryEntry[]> {
  return serial(async () => {
    const raw = await stored();
    const entries = boundHistory(raw, now, (await settings()).history.keepDays);
    if (Array.isArray(raw) && raw.length !== entries.length) {
      await browser.storage.local.set({ [HISTORY_KEY]: entries });
    }
    return entries;
  });
}

/** Forgets every incident and every saved draft (the options page's wipe button). */
export function wipeHistoryAndDrafts(): Promise<void> {
  return serial(async () => {
    await browser.storage.local.remove(HISTORY_KEY);
    await wipeDrafts();
  });
}
