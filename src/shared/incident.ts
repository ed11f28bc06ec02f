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
  /** The latest failing response's identifying headers, for support (absent: none seen). */
  trace?: Trace | null;
}

/**
 * What identifies the latest failing response to a support desk: its trace and request ids
 * and the server or proxy that answered (an allow-list: never cookies, authorisation or
 * tokens), and when it came.
 */
export interface Trace {
  at: number;
  /** Lower-case header names: `cf-ray`, `x-request-id`, `server`, `via`… */
  headers: Record<string, string>;
  /** How long the failing request took (to its answer's headers, or to its error), in ms. */
  tookMs?: number | null;
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
  | {
      type: 'failure';
      siteId: string;
      url: string;
      verdict: Verdict;
      surface: Surface;
      /** The failing response's identifying headers, when there was a response. */
      headers?: Record<string, string>;
      /** How long the failing request took, when its start was seen. */
      tookMs?: number | null;
    }
  /** A top-level load of the tab succeeded, or went to another site. */
  | { type: 'page-loaded'; siteId: string | null; healthy: boolean }
  /** A chat request of the tab succeeded. */
  | { type: 'chat-ok' }
  /** A fix was tried on this episode. */
  | { type: 'fix'; fix: FixKind; result: string };

/** What a verdict says went wrong, in the incident's two fields. */
export function problemOf(verdict: Verdict): Pick<Incident, 'failure' | 'refusal'> {
  return {
    failure: verdict.kind === 'outage' ? verdict.failure : null,
    refusal: verdict.kind === 'refusal' ? { kind: verdict.refusal, status: verdict.status } : null,
  };
}

/** The first moment of an episode: the one way every context makes an incident. */
export function newIncident(start: {
  siteId: string;
  url: string;
  surface: Surface;
  verdict: Verdict;
  now: number;
  trace?: Trace | null;
}): Incident {
  return {
    siteId: start.siteId,
    url: start.url,
    surface: start.surface,
    ...problemOf(start.verdict),
    count: 1,
    firstAt: start.now,
    lastAt: start.now,
    retries: 0,
    fixes: [],
    trace: start.trace ?? null,
  };
}

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
      const { failure, refusal } = problemOf(verdict);
      const fresh = newIncident({
        siteId: event.siteId,
        url: event.url,
        surface: event.surface,
        verdict,
        now,
        trace: traceOf(event.headers, now, event.tookMs) ?? null,
      });
      if (!current || current.siteId !== event.siteId) return fresh;
      const counted = {
        ...current,
        count: current.count + 1,
        lastAt: now,
        trace: traceOf(event.headers, now, event.tookMs) ?? current.trace ?? null,
      };
      if (event.surface !== 'compact') {
        // A page load decides what the page is now. Another address is another episode;
        // the same address failing again continues it (its retries and fixes count on),
        // and what it answered this time becomes the headline (a 502 can turn into a 429).
        if (!samePage(current.url, event.url) && current.surface !== 'compact') return fresh;
        return { ...counted, surface: event.surface, failure, refusal, url: event.url };
      }
      // A failed chat request never hides a failed page; an outage outranks a refusal.
      const upgrade = current.surface === 'compact' && failure !== null && !current.failure;
      return upgrade ? { ...counted, failure, refusal, url: event.url } : counted;
    }
  }
}

function traceOf(
  headers: Record<string, string> | undefined,
  at: number,
  tookMs?: number | null,
): Trace | undefined {
  const hasHeaders = !!headers && Object.keys(headers).length > 0;
  const timed = typeof tookMs === 'number' && Number.isFinite(tookMs) && tookMs >= 0;
  if (!hasHeaders && !timed) return undefined;
  return { at, headers: { ...headers }, ...(timed ? { tookMs: Math.round(tookMs) } : {}) };
}

function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/** The toolbar badge for an incident: the status code, or "!" when there is none. */
export function badgeText(incident: Incident | null): string {
  if (!incident?.failure) return '';
  return incident.failure.kind === 'http' ? String(incident.failure.status) : '!';
}
