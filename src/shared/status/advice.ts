import type { StatusSignal } from '../retry-policy.ts';
import type { StatusReading } from './types.ts';

/**
 * What the status page changes about the advice. An open incident on the chat (or the
 * chat's component, or the page when no component is known, below operational) means it
 * is the service: automatic retry is the right move. A page that states "operational"
 * while the error persists points at something local: the local fixes come first.
 * Unknown, or only inferred from a feed: no change. An incident the provider places on
 * another component (`elsewhere`) is context and blames nothing.
 */
export type StatusAdvice = 'service' | 'local' | null;

export function adviceFromStatus(reading: StatusReading | null | undefined): StatusAdvice {
  if (!reading) return null;
  const level = reading.component?.level ?? reading.level;
  if (reading.incidents.some((incident) => !incident.elsewhere)) return 'service';
  if (['degraded', 'partial-outage', 'major-outage', 'maintenance'].includes(level)) {
    return 'service';
  }
  if (level === 'operational' && reading.level === 'operational' && !reading.inferred) {
    return 'local';
  }
  return null;
}

/** Sites whose status page says they work right now: somewhere else to go meanwhile. */
/** The incident to name beside the status: the newest one that concerns the chat. */
export function chatIncident(reading: StatusReading | null | undefined) {
  return reading?.incidents.find((incident) => !incident.elsewhere) ?? null;
}

/**
 * What automatic recovery reads of a status page: the chat's own level (its component
 * when known) and only the incidents on the chat. An incident on another component (the
 * API, a desktop app) must neither hold back "the fix is posted" nor count as the outage.
 */
export function chatStatusSignal(reading: StatusReading): StatusSignal {
  return {
    level: reading.component?.level ?? reading.level,
    incidents: reading.incidents.filter((incident) => !incident.elsewhere),
  };
}

export function workingAlternatives(
  readings: Record<string, StatusReading>,
  currentSiteId: string,
): string[] {
  return Object.entries(readings)
    .filter(([id, reading]) => id !== currentSiteId && adviceFromStatus(reading) === 'local')
    .map(([id]) => id);
}
