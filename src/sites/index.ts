import { chatgpt } from './chatgpt.ts';
import type { SiteAdapter } from './types.ts';

/** Every site Gateway Guard covers. The manifest's host access must match this list. */
export const SITES: readonly SiteAdapter[] = [chatgpt];

export function siteForUrl(url: string): SiteAdapter | null {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return null;
    host = parsed.hostname;
  } catch {
    return null;
  }
  return SITES.find((site) => site.hosts.includes(host)) ?? null;
}

/** Match patterns for every covered host, for webRequest filters and the manifest. */
export function hostPatterns(): string[] {
  return SITES.flatMap((site) => site.hosts.map((host) => `https://${host}/*`));
}
