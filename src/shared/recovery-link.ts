import type { Failure } from './failure.ts';
import { classifyNetworkError } from './network-errors.ts';

/**
 * The recovery page's address carries what failed and where, so the page works on its own
 * even when the background worker has been stopped since.
 */
export function recoveryQuery(failure: Failure, url: string): string {
  const params = new URLSearchParams({ url });
  if (failure.kind === 'http') params.set('status', String(failure.status));
  else if (failure.kind === 'network') params.set('error', failure.raw);
  else params.set('error', 'page-notice');
  return `?${params}`;
}

export interface RecoveryTarget {
  failure: Failure;
  url: string;
}

/** Reads the recovery page's query back; null when it is missing or not a web address. */
export function parseRecoveryQuery(search: string): RecoveryTarget | null {
  const params = new URLSearchParams(search);
  const url = params.get('url');
  if (!url || !isWebUrl(url)) return null;
  const status = Number(params.get('status'));
  if (Number.isInteger(status) && status >= 100 && status <= 599) {
    return { url, failure: { kind: 'http', status } };
  }
  const raw = params.get('error');
  if (raw) {
    return {
      url,
      failure: { kind: 'network', network: classifyNetworkError(raw) ?? 'other', raw },
    };
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
