/**
 * The shapes of a site's status source (each adapter holds its own, in `status`), and the
 * rules for what may be fetched and linked. The adapters' addresses come from the
 * providers' documented or widely used endpoints; every reader treats the answer as
 * untrusted.
 */
import type { MessageKey } from '../i18n.ts';
import type { ReadableKind } from './readers/index.ts';
import type { ReaderOptions, StatusReading } from './types.ts';

/** The default response size cap: a status summary is a few KB to a few hundred KB. */
export const DEFAULT_MAX_BYTES = 512 * 1024;

export interface FetchedSource {
  kind: ReadableKind;
  /** The status page people open. */
  page: string;
  /** The one address fetched for a reading. */
  url: string;
  /**
   * Fetched only when the reading shows trouble but lists no incident (incident.io's
   * Statuspage-compatible summary and `status.json` carry none): `/api/v2/incidents.json`.
   */
  incidentsUrl?: string;
  /** Passed to the reader. */
  options: Omit<ReaderOptions, 'source' | 'page'>;
  /** Response size cap in bytes (default `DEFAULT_MAX_BYTES`). */
  maxBytes?: number;
  /** How sure we are that the address and shape hold: medium and low are best efforts. */
  confidence: 'high' | 'medium' | 'low';
}

/** A status page exists, but it has nothing a program can read: link only, no fetch. */
export interface LinkOnlySource {
  kind: 'link';
  page: string;
}

/** The nearest honest public source for a site without a status page of its own. */
export interface ClosestStatus {
  name: string;
  url: string;
  /** What that source covers, in the user's words. */
  covers: MessageKey;
}

/** No public status page. `closest` is the nearest honest public source, if there is one. */
export interface NoSource {
  kind: 'none';
  closest: ClosestStatus | null;
}

export type SiteStatusSource = FetchedSource | LinkOnlySource | NoSource;

/** What a site's status source is, whether or not it has a page of its own. */
export function statusSourceOf(site: {
  status: FetchedSource | LinkOnlySource | null;
  closestStatus?: ClosestStatus;
}): SiteStatusSource {
  return site.status ?? { kind: 'none', closest: site.closestStatus ?? null };
}

export function isFetched(source: SiteStatusSource): source is FetchedSource {
  return source.kind !== 'link' && source.kind !== 'none';
}

/**
 * Status hosts read without host access: Chrome ignores the path of a host permission, so
 * `https://www.google.com/appsstatus/*` would grant all of www.google.com (every search).
 * Their feeds are fetched as plain cross-origin reads, without cookies: they work where the
 * provider allows it, and read as "status unknown" (with the link) where it does not.
 */
export const STATUS_HOSTS_WITHOUT_ACCESS: readonly string[] = ['www.google.com'];

/**
 * Match patterns for every address the status layer fetches with host access: status-only
 * hosts, never a host that serves anything else.
 */
export function statusHostPatterns(
  sources: readonly (FetchedSource | LinkOnlySource | null)[],
): string[] {
  const patterns = new Set<string>();
  for (const source of sources) {
    if (!source || !isFetched(source)) continue;
    for (const address of [source.url, source.incidentsUrl]) {
      if (!address) continue;
      const url = new URL(address);
      if (STATUS_HOSTS_WITHOUT_ACCESS.includes(url.hostname)) continue;
      patterns.add(`https://${url.hostname}/*`);
    }
  }
  return [...patterns];
}

/** Statuspage's shortlink host, which its incidents link through. */
const SHORTLINK_HOSTS: readonly string[] = ['stspg.io'];

/**
 * An incident's link, from a status page's JSON, may point anywhere: keep it only when it
 * is https on the status page's own host (or its shortlink host), else drop the link.
 */
export function keepOwnIncidentLinks(reading: StatusReading, source: FetchedSource): StatusReading {
  const own = new Set(
    [source.url, source.page, source.incidentsUrl].flatMap((address) => {
      try {
        return address ? [new URL(address).hostname] : [];
      } catch {
        return [];
      }
    }),
  );
  const allowed = (link: string) => {
    try {
      const url = new URL(link);
      return (
        url.protocol === 'https:' &&
        !url.username &&
        !url.password &&
        (own.has(url.hostname) || SHORTLINK_HOSTS.includes(url.hostname))
      );
    } catch {
      return false;
    }
  };
  if (reading.incidents.every((incident) => incident.url === null || allowed(incident.url))) {
    return reading;
  }
  return {
    ...reading,
    incidents: reading.incidents.map((incident) =>
      incident.url === null || allowed(incident.url) ? incident : { ...incident, url: null },
    ),
  };
}
