/**
 * Can a host be reached at all, and how fast? Works the same in a content script (the
 * site's page) and on an extension page. The only hosts ever probed are the site's own and
 * its status page's (see `checkHosts`).
 */
import type { ProbeResult } from '~/shared/network-advice.ts';
import type { SiteAdapter } from '~/sites/types.ts';

export type { ProbeResult } from '~/shared/network-advice.ts';

export const PROBE_TIMEOUT_MS = 5000;

/**
 * One HEAD request, without cookies, cache or referrer (the page's address names the
 * conversation). Any answer counts, an opaque one included: whatever the status, something
 * at that host answered. A network error or the timeout means unreachable.
 */
export async function probeHost(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = performance.now();
  try {
    await fetch(url, {
      method: 'HEAD',
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    return { reachable: true, ms: Math.max(0, Math.round(performance.now() - started)) };
  } catch {
    // TypeError (no connection, DNS, TLS, blocked) or AbortError (timed out).
    return { reachable: false, ms: null };
  } finally {
    clearTimeout(timer);
  }
}

/** The address probed for a host: its root, over HTTPS. */
export function probeUrl(host: string): string {
  return `https://${host}/`;
}

/**
 * The two hosts the checks may contact: the site's (as in the failed page's address, so
 * chat.openai.com stays chat.openai.com) and its status page's (null when it has none).
 */
export function checkHosts(
  site: Pick<SiteAdapter, 'hosts'> & { status: { page: string } | null },
  pageUrl: string,
): { siteHost: string; statusHost: string | null } {
  const pageHost = hostOf(pageUrl);
  const siteHost = pageHost && site.hosts.includes(pageHost) ? pageHost : (site.hosts[0] ?? '');
  const statusHost = site.status ? hostOf(site.status.page) : null;
  return { siteHost, statusHost: statusHost && statusHost !== siteHost ? statusHost : null };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
