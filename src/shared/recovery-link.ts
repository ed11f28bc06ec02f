import type { SiteRegistry } from '~/sites/index.ts';
import type { Failure } from './failure.ts';
import { classifyNetworkError } from './network-errors.ts';

/**
 * The recovery page's address carries what failed and where, so the page works on its own
 * even when the background worker has been stopped since.
 */
export function recoveryQuery(failure: Failure, url: string, retryAfterMs?: number | null): string {
  const params = new URLSearchParams({ url });
  if (retryAfterMs) params.set('retryAfter', String(Math.round(retryAfterMs)));
  if (failure.kind === 'http') params.set('status', String(failure.status));
  else if (failure.kind === 'network') params.set('error', failure.raw);
  else params.set('error', 'page-notice');
  return `?${params}`;
}

export interface RecoveryTarget {
  failure: Failure;
  url: string;
  /** The failed answer's Retry-After, in ms (null: none). */
  retryAfterMs: number | null;
  /** Opened to run the network checks, from a site's in-page panel. */
  checksOnly: boolean;
}

/** The longest Retry-After honoured: an hour; a longer one is a server's mistake or a trap. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * Reads the recovery page's query back; null when it is missing or its address is not an
 * https page of a covered site (of `sites`, which must know the user's own sites).
 */
export function parseRecoveryQuery(search: string, sites: SiteRegistry): RecoveryTarget | null {
  const params = new URLSearchParams(search);
  const url = params.get('url');
  if (!url || !isCoveredPage(url, sites)) return null;
  const retryAfter = Number(params.get('retryAfter'));
  const extra = {
    retryAfterMs:
      Number.isFinite(retryAfter) && retryAfter > 0
        ? Math.min(Math.round(retryAfter), MAX_RETRY_AFTER_MS)
        : null,
    checksOnly: params.get('checks') === '1',
  };
  const status = Number(params.get('status'));
  if (Number.isInteger(status) && status >= 100 && status <= 599) {
    return { url, failure: { kind: 'http', status }, ...extra };
  }
  const raw = params.get('error');
  if (raw) {
    const network = classifyNetworkError(raw) ?? 'other';
    return { url, failure: { kind: 'network', network, raw }, ...extra };
  }
  return null;
}

/**
 * Only https pages of covered sites: "Retry now" must never become a way to open another
 * scheme or another site from an extension page.
 */
function isCoveredPage(value: string, sites: SiteRegistry): boolean {
  try {
    return new URL(value).protocol === 'https:' && sites.forUrl(value) !== null;
  } catch {
    return false;
  }
}
