/**
 * Which HTTP statuses are outages. Kept free of imports because the content script's
 * bootstrap loads it on every healthy page.
 */

/** Statuses that mean "the service failed", as opposed to "you were refused" (4xx). */
const OUTAGE_STATUSES = new Set([
  500, 502, 503, 504,
  // Cloudflare's own: the edge could not get a good answer from the site's origin.
  520, 521, 522, 523, 524, 525, 526, 527,
  // "Site overloaded", used by some AI providers and CDNs.
  529,
]);

export function isOutageStatus(status: number | null | undefined): status is number {
  return typeof status === 'number' && OUTAGE_STATUSES.has(status);
}

export function isCloudflareStatus(status: number): boolean {
  return status >= 520 && status <= 527;
}
