import type { StatusReading } from './types.ts';

/**
 * What the status page changes about the advice. An open incident (or any level below
 * operational) means it is the service: automatic retry is the right move. A page that
 * states "operational" while the error persists points at something local: the local
 * fixes come first. Unknown, or only inferred from a feed: no change.
 */
export type StatusAdvice = 'service' | 'local' | null;

export function adviceFromStatus(reading: StatusReading | null | undefined): StatusAdvice {
  if (!reading) return null;
  const level = reading.component?.level ?? reading.level;
  if (reading.incidents.length > 0) return 'service';
  if (['degraded', 'partial-outage', 'major-outage', 'maintenance'].includes(level)) {
    return 'service';
  }
  if (level === 'operational' && reading.level === 'operational' && !reading.inferred) {
    return 'local';
  }
  return null;
}

/** Sites whose status page says they work right now: somewhere else to go meanwhile. */
export function workingAlternatives(
  readings: Record<string, StatusReading>,
  currentSiteId: string,
): string[] {
  return Object.entries(readings)
    .filter(([id, reading]) => id !== currentSiteId && adviceFromStatus(reading) === 'local')
    .map(([id]) => id);
}
