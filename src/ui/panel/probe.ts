import { parseRetryAfter } from '~/shared/retry-policy.ts';
import type { ProbeResult } from './auto-retry.ts';

const PROBE_TIMEOUT_MS = 10_000;

/**
 * One light request to the failing address: headers only (the body is abandoned), never
 * cached, so a retry costs the service one small answer instead of a full page load.
 */
export async function probe(url: string): Promise<ProbeResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      cache: 'no-store',
      credentials: 'include',
      redirect: 'follow',
      signal: controller.signal,
    });
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return {
      healthy: response.status < 500 && response.status !== 429,
      status: response.status,
      retryAfterMs,
    };
  } catch {
    return { healthy: false, status: null, retryAfterMs: null };
  } finally {
    clearTimeout(timer);
    controller.abort(); // Stop downloading the page: the status was all we wanted.
  }
}
