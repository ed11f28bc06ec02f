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

/** Reads the recovery page's query back; null when it is missing or not a web address. */
export function parseRecoveryQuery(search: string): RecoveryTarget | null {
  const params = new URLSearchParams(search);
  const url = params.get('url');
  if (!url || !isWebUrl(url)) return null;
  const retryAfter = Number(params.get('retryAfter'));
  const extra = {
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
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

/** Only http(s): "Retry now" must never become a way to open another scheme. */
function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
