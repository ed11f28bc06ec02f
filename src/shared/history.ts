/**
 * Incident history: one entry per ended incident, on this device only (local storage),
 * bounded by count and by age. Pure, so the bounds are tested without a browser; the
 * background applies them (background/history-log.ts).
 */
import type { Incident, IncidentEvent } from '~/shared/incident.ts';

export type HistoryEnd = 'recovered' | 'left' | 'closed';

export interface HistoryEntry {
  siteId: string;
  /** What failed: an HTTP status (then `code` is set), a network error, or a page notice. */
  kind: 'http' | 'network' | 'page';
  code: number | null;
  startedAt: number;
  endedAt: number;
  /** Failures seen in the episode. */
  count: number;
  /** The site worked again, the tab went elsewhere, or the tab was closed. */
  ended: HistoryEnd;
}

/** At most this many entries, newest kept. */
export const HISTORY_MAX = 50;
export const HISTORY_KEY = 'history';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The entry for an ended incident; null for answers that were not outages (429...). */
export function historyEntry(
  incident: Incident,
  endedAt: number,
  ended: HistoryEnd,
): HistoryEntry | null {
  const failure = incident.failure;
  if (!failure) return null;
  return {
    siteId: incident.siteId,
    kind: failure.kind,
    code: failure.kind === 'http' ? failure.status : null,
    startedAt: incident.firstAt,
    endedAt: Math.max(endedAt, incident.firstAt),
    count: incident.count,
    ended,
  };
}

/**
 * How the episode `before` ended when `event` turned it into `after`, or null if it goes on.
 * Healthy again (a healthy page load of its site, a chat request that worked) is a
 * recovery; any other end (another site, a page outside the covered sites, a new episode
 * at another address taking its place) means the user left it.
 */
export function endingOf(
  before: Incident | null,
  after: Incident | null,
  event: IncidentEvent,
): HistoryEnd | null {
  if (!before || after === before) return null;
  if (after === null) {
    const healthy =
      event.type === 'chat-ok' ||
      (event.type === 'page-loaded' && event.healthy && event.siteId === before.siteId);
    return healthy ? 'recovered' : 'left';
  }
  // A failure that continues the episode counts on; one that starts over counts from 1.
  return event.type === 'failure' && after.count === 1 ? 'left' : null;
}

/** Valid entries only, newest first, none older than `keepDays`, at most `HISTORY_MAX`. */
export function boundHistory(entries: unknown, now: number, keepDays: number): HistoryEntry[] {
  if (!Array.isArray(entries)) return [];
  const oldest = now - keepDays * DAY_MS;
  return entries
    .filter(isHistoryEntry)
    .filter((entry) => entry.endedAt >= oldest)
    .sort((a, b) => b.endedAt - a.endedAt)
    .slice(0, HISTORY_MAX);
}

export function appendHistory(
  entries: unknown,
  entry: HistoryEntry,
  now: number,
  keepDays: number,
): HistoryEntry[] {
  return boundHistory([entry, ...(Array.isArray(entries) ? entries : [])], now, keepDays);
}

/** Storage may hold anything: only well-formed entries count. */
export function isHistoryEntry(value: unknown): value is HistoryEntry {
  const v = value as Partial<HistoryEntry> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.siteId === 'string' &&
    (v.kind === 'http' || v.kind === 'network' || v.kind === 'page') &&
    (v.code === null || Number.isInteger(v.code)) &&
    Number.isFinite(v.startedAt) &&
    Number.isFinite(v.endedAt) &&
    Number.isInteger(v.count) &&
    (v.ended === 'recovered' || v.ended === 'left' || v.ended === 'closed')
  );
}
