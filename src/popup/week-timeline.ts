/**
 * A site's last seven days, one cell per local day, so the popup can answer "does this
 * happen often?" with a picture. Pure (the time zone is the process's own, as the popup's),
 * so day boundaries, daylight-saving days and bad data are tested without a browser.
 */
import { type HistoryEntry, isHistoryEntry } from '~/shared/history.ts';
import type { StatusReading } from '~/shared/status/types.ts';

export const WEEK_DAYS = 7;

export type ProblemKind = HistoryEntry['kind'];

export interface DayCell {
  /** Local midnight that starts the day (epoch ms). */
  start: number;
  /** Local midnight that ends it: not always 24 h later (daylight saving). */
  end: number;
  /** The user's own incidents (history entries) that touched this day. */
  met: number;
  /** The worst kind among them; null when `met` is 0. */
  worst: ProblemKind | null;
  /** The status page's incidents that were active on this day. */
  status: number;
}

export interface WeekTimeline {
  /** Oldest first; the last one is today. */
  days: DayCell[];
  /** Distinct incidents the user met in the week: an episode over midnight counts once. */
  met: number;
  /** Distinct status page incidents active in the week. */
  status: number;
}

/**
 * Which kind is worse when a day has several: a network failure (nothing answered at all)
 * over an HTTP error (the server answered, with an error) over an error notice (the page
 * loaded and told of trouble itself).
 */
const SEVERITY: Record<ProblemKind, number> = { page: 0, http: 1, network: 2 };

function worseKind(a: ProblemKind | null, b: ProblemKind): ProblemKind {
  return a !== null && SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/**
 * The seven local days ending with today. Built from calendar dates, never by subtracting
 * 24 h, so a day of 23 or 25 hours (daylight saving) still starts at its own midnight.
 */
export function weekDays(now: number): Array<{ start: number; end: number }> {
  const today = new Date(now);
  const year = today.getFullYear();
  const month = today.getMonth();
  const date = today.getDate();
  return Array.from({ length: WEEK_DAYS }, (_, i) => {
    const offset = i - (WEEK_DAYS - 1);
    return {
      start: new Date(year, month, date + offset).getTime(),
      end: new Date(year, month, date + offset + 1).getTime(),
    };
  });
}

/** The time span something covered, or null when its times cannot be trusted. */
interface Span {
  from: number;
  to: number;
}

/** Storage and messages may hold anything: only well-formed, ordered episodes count. */
function entrySpan(entry: unknown, siteId: string): (Span & { kind: ProblemKind }) | null {
  if (!isHistoryEntry(entry) || entry.siteId !== siteId) return null;
  if (entry.startedAt > entry.endedAt) return null;
  return { from: entry.startedAt, to: entry.endedAt, kind: entry.kind };
}

/**
 * The reading lists incidents active when it was read, each with its latest update: such an
 * incident had begun by that update and still went on at the reading, so it was active on
 * every day from the one to the other (its true start may be earlier: the reader does not
 * say). No readable update: only the reading's day is certain. Incidents the provider puts
 * on another component (`elsewhere`) are context, not the chat's trouble, and are left out.
 */
function statusSpans(reading: StatusReading | null | undefined): Span[] {
  if (!reading || !Number.isFinite(reading.readAt) || !Array.isArray(reading.incidents)) {
    return [];
  }
  const to = reading.readAt;
  return reading.incidents.flatMap((incident) => {
    if (typeof incident !== 'object' || incident === null || incident.elsewhere === true) {
      return [];
    }
    const updated = incident.updatedAt;
    // An update "after" the reading is a clock that disagrees: the reading's day stands.
    const from =
      typeof updated === 'number' && Number.isFinite(updated) ? Math.min(updated, to) : to;
    return [{ from, to }];
  });
}

/** A span touches a day when it starts before the day ends and ends at or after it starts. */
function touches(span: Span, day: { start: number; end: number }): boolean {
  return span.from < day.end && span.to >= day.start;
}

/**
 * One site's week: the episodes of the local history for `siteId`, and the incidents its
 * status reading lists, laid on the seven local days ending today. Anything older, later or
 * malformed is left out.
 */
export function weekTimeline(
  siteId: string,
  history: readonly unknown[] | null | undefined,
  reading: StatusReading | null | undefined,
  now: number,
): WeekTimeline {
  const days: DayCell[] = weekDays(now).map((day) => ({ ...day, met: 0, worst: null, status: 0 }));
  const week = { start: days[0]?.start ?? now, end: days[days.length - 1]?.end ?? now };

  let met = 0;
  for (const raw of Array.isArray(history) ? history : []) {
    const span = entrySpan(raw, siteId);
    if (!span || !touches(span, week)) continue;
    met++;
    for (const day of days) {
      if (!touches(span, day)) continue;
      day.met++;
      day.worst = worseKind(day.worst, span.kind);
    }
  }

  let status = 0;
  for (const span of statusSpans(reading)) {
    if (!touches(span, week)) continue;
    status++;
    for (const day of days) if (touches(span, day)) day.status++;
  }

  return { days, met, status };
}
