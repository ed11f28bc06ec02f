import { NOT_OUTAGE_PHRASES } from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

/** A site the user added in the options: any https origin, with an optional status page. */
export interface CustomSite {
  origin: string;
  statusPage: string | null;
}

/**
 * What Gateway Guard can know of a site nobody described: its host, page-level failures
 * (the main frame) and the common wording of error notices. No chat request is known, so
 * only the page itself is watched on the network.
 */
export function customAdapter(site: CustomSite): SiteAdapter | null {
  const origin = normaliseOrigin(site.origin);
  if (!origin) return null;
  const host = new URL(origin).hostname;
  return {
    id: `custom:${host}`,
    name: host,
    hosts: [host],
    chatRequests: [],
    status: site.statusPage ? { page: site.statusPage, source: 'html' } : null,
    composer: ['textarea', '[contenteditable="true"]'],
    phrases: {
      outage: [
        'something went wrong',
        'internal server error',
        'bad gateway',
        'service unavailable',
      ],
      network: ['network error', 'connection lost'],
      notOutage: NOT_OUTAGE_PHRASES,
    },
    examples: { chatRequests: [], otherRequests: [], outageText: [], notOutageText: [] },
  };
}

/** "https://Chat.Example.com/path" → "https://chat.example.com"; null unless https. */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim().includes('://') ? value.trim() : `https://${value.trim()}`);
    if (url.protocol !== 'https:' || !url.hostname.includes('.') || url.username || url.port) {
      return null;
    }
    return url.origin;
  } catch {
    return null;
  }
}

/** The host permission a custom site needs. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

let customSites: readonly SiteAdapter[] = [];

/** Set by the background from the settings; the built-in registry consults it. */
export function setCustomSites(sites: readonly CustomSite[]): void {
  customSites = sites.map(customAdapter).filter((s): s is SiteAdapter => s !== null);
}

export function currentCustomSites(): readonly SiteAdapter[] {
  return customSites;
}
