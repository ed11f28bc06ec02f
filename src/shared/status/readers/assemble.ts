import {
  INCIDENTS_MAX,
  isStatusLevel,
  type KnownLevel,
  REASON,
  type ReaderOptions,
  type StatusIncident,
  type StatusLevel,
  type StatusReader,
  type StatusReading,
  unknownReading,
  worseOf,
} from '../types.ts';

/** What a reader found, before the rules below turn it into one reading. */
export interface Findings {
  /** The source's own overall word, mapped; "unknown" when it was unreadable. */
  base: StatusLevel;
  /** Why `base` is unknown. */
  baseReason?: string | null;
  /** Other recognised signals: components, incident impacts, maintenance in progress. */
  signals?: readonly KnownLevel[];
  /** Parts that could not be read and might hide a problem (for the report). */
  doubts?: readonly string[];
  component?: { name: string; level: StatusLevel } | null;
  /** Why the component's level is unknown. */
  componentReason?: string | null;
  incidents?: readonly StatusIncident[];
  inferred?: boolean;
}

/**
 * The rules shared by every reader:
 * - an unreadable overall word makes the reading unknown;
 * - a worse recognised signal (a component down, an incident's impact) wins over the word;
 * - "operational" stands only when nothing contradicts it: a doubt (an unreadable component
 *   or incident) turns it into "unknown", never into a silent all-clear.
 */
export function assemble(findings: Findings, now: number, source: string): StatusReading {
  const signals = findings.signals ?? [];
  const doubts = findings.doubts ?? [];
  let level: StatusLevel;
  let reason: string | null = null;
  if (findings.base === 'unknown') {
    level = 'unknown';
    reason = findings.baseReason ?? `${REASON.format}: overall status`;
  } else {
    const worst = signals.reduce<KnownLevel>(worseOf, findings.base);
    if (worst === 'operational' && doubts.length > 0) {
      level = 'unknown';
      reason = `${REASON.format}: operational, but ${doubts[0]}`;
    } else {
      level = worst;
    }
  }
  const component = findings.component ?? null;
  if (reason === null && component?.level === 'unknown') {
    reason = findings.componentReason ?? `${REASON.format}: component status`;
  }
  return {
    level,
    component,
    incidents: newestFirst(findings.incidents ?? []),
    readAt: Number.isFinite(now) ? now : 0,
    source,
    unknownReason: reason,
    inferred: findings.inferred ?? false,
  };
}

/** Newest first (undated last), at most `INCIDENTS_MAX`. */
export function newestFirst(incidents: readonly StatusIncident[]): StatusIncident[] {
  return [...incidents]
    .sort((a, b) => (b.updatedAt ?? -1) - (a.updatedAt ?? -1))
    .slice(0, INCIDENTS_MAX);
}

/**
 * Wraps a reader so that nothing escapes: an exception, or an output that breaks the
 * reading's own rules, becomes "unknown" with the reason.
 */
export function guard(
  kind: string,
  read: (body: string, now: number, options: ReaderOptions, source: string) => StatusReading,
): StatusReader {
  return (body, now, options = {}) => {
    const source = typeof options.source === 'string' ? options.source : kind;
    try {
      if (typeof body !== 'string') return unknownReading(REASON.empty, now, source);
      const reading = read(body, now, options, source);
      if (!isStatusLevel(reading.level)) {
        return unknownReading(`${REASON.readerError}: bad level`, now, source);
      }
      return reading;
    } catch (error) {
      const name = error instanceof Error ? error.name : typeof error;
      return unknownReading(`${REASON.readerError}: ${name}`, now, source);
    }
  };
}
