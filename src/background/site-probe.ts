import { parseRetryAfter } from '~/shared/retry-policy.ts';

/** What one light check of a failing address found. */
export interface SiteAnswer {
  healthy: boolean;
  status: number | null;
  retryAfterMs: number | null;
}

const PROBE_TIMEOUT_MS = 10_000;

/**
 * One light request from the background (which may reach the chat sites): headers only,
 * never from the cache, with the user's cookies so the gateway answers as it would the
 * page, and no redirect followed (a redirect is an answer: the site is up). It costs the
 * site one small answer.
 */
export async function probeSite(
  url: string,
  fetcher: typeof fetch = fetch,
  now: () => number = Date.now,
): Promise<SiteAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    const response = await fetcher(url, {
      method: 'HEAD',
      cache: 'no-store',
      credentials: 'include',
      redirect: 'manual',
      signal: controller.signal,
    });
    if (response.type === 'opaqueredirect') {
      return { healthy: true, status: null, retryAfterMs: null };
    }
    return {
      healthy: response.status < 500 && response.status !== 429,
      status: response.status,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()),
    };
  } catch {
    return { healthy: false, status: null, retryAfterMs: null };
  } finally {
    clearTimeout(timer);
    controller.abort(); // Nothing more to read: the status line was all we wanted.
  }
}
