import type { Verdict } from '~/shared/classify.ts';
import type { Failure } from '~/shared/failure.ts';
import type { RefusalKind } from '~/shared/refusals.ts';

/** Where the incident is shown: over the page, on the recovery page, or as a compact notice. */
export type Surface = 'page' | 'recovery' | 'compact';

/**
 * One failure episode of one tab. A hundred failing requests are one incident with a
 * count, not a hundred panels.
 */
export interface Incident {
  siteId: string;
  url: string;
  surface: Surface;
  /** Set for outages. */
  failure: Failure | null;
  /** Set for answers that are not outages (rate limit, challenge...). */
  refusal: { kind: RefusalKind; status: number | null } | null;
  count: number;
  firstAt: number;
  lastAt: number;
  /** Automatic retry attempts in this episode: the limit holds across reloads. */
  retries: number;
  /** Fixes tried, oldest first, for the support report (bounded). */
  fixes: FixRecord[];
}

export type FixKind =
  | 'retry-now'
  | 'auto-retry'
  | 'reload-no-cache'
  | 'clear-storage'
  | 'clear-cookies'
  | 'network-checks';

export interface FixRecord {
  fix: FixKind;
  at: number;
  /** A short outcome: "502", "healthy", "done", "failed"... */
  result: string;
}

export const FIX_KINDS: readonly FixKind[] = [
  'retry-now',
  'auto-retry',
  'reload-no-cache',
  'clear-storage',
  'clear-cookies',
  'network-checks',
];
const MAX_FIXES = 30;

export type IncidentEvent =
  | { type: 'failure'; siteId: string; url: string; verdict: Verdict; surface: Surface }
  /** A top-level load of the tab succeeded, or went to another site. */
  | { type: 'page-loaded'; siteId: string | null; healthy: boolean }
  /** A chat request of the tab succeeded. */
  | { type: 'chat-ok' }
  /** A fix was tried on this episode. */
  | { type: 'fix'; fix: FixKind; result: string };

const SEVERITY: Record<Surface, number> = { compact: 0, page: 1, recovery: 2 };

/** The next incident for a tab after an event (null: none). Pure. */
export function nextIncident(
  current: Incident | null,
  event: IncidentEvent,
  now: number,
): Incident | null {
  switch (event.type) {
    case 'page-loaded':
      // Healthy again, or elsewhere: the episode is over.
      if (!current || event.healthy || event.siteId !== current.siteId) return null;
      return current;
    case 'chat-ok':
      return current?.surface === 'compact' ? null : current;
    case 'fix': {
      if (!current) return current;
      const record = { fix: event.fix, at: now, result: event.result.slice(0, 40) };
      return {
        ...current,
        retries: (current.retries ?? 0) + (event.fix === 'auto-retry' ? 1 : 0),
        fixes: [...(current.fixes ?? []), record].slice(-MAX_FIXES),
      };
    }
    case 'failure': {
      const { verdict } = event;
      if (verdict.kind === 'ignore') return current;
      const failure = verdict.kind === 'outage' ? verdict.failure : null;
      const refusal =
        verdict.kind === 'refusal' ? { kind: verdict.refusal, status: verdict.status } : null;
      if (!current || current.siteId !== event.siteId) {
        return {
          siteId: event.siteId,
          url: event.url,
          surface: event.surface,
          failure,
          refusal,
          count: 1,
          firstAt: now,
          lastAt: now,
          retries: 0,
          fixes: [],
        };
      }
      // Same episode: count it; a more visible surface or an outage takes over the headline.
      const upgrade =
        SEVERITY[event.surface] > SEVERITY[current.surface] || (failure && !current.failure);
      return {
        ...current,
        count: current.count + 1,
        lastAt: now,
        ...(upgrade ? { surface: event.surface, failure, refusal, url: event.url } : {}),
      };
    }
  }
}

/** The toolbar badge for an incident: the status code, or "!" when there is none. */
export function badgeText(incident: Incident | null): string {
  if (!incident?.failure) return '';
  return incident.failure.kind === 'http' ? String(incident.failure.status) : '!';
}
