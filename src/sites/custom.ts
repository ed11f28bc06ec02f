import { SITES } from './built-in.ts';
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
  if (isBuiltInHost(host)) return null;
  return {
    id: `custom:${host}`,
    name: host,
    hosts: [host],
    chatRequests: [],
    // A status page nobody described can be opened, not read.
    status: site.statusPage ? { kind: 'link', page: site.statusPage } : null,
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
  };
}

/**
 * "https://Chat.Example.com/path" → "https://chat.example.com"; null unless one plain https
 * host. A wildcard (`https://*.com`) would become a match pattern granting every host under
 * it, so only letters, digits, hyphens and dots pass (international names in their ASCII
 * form), in labels that neither start nor end with a hyphen.
 */
export function normaliseOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  try {
    const url = new URL(value.trim().includes('://') ? value.trim() : `https://${value.trim()}`);
    if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
    const labels = url.hostname.split('.');
    const plain = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
    if (labels.length < 2 || !labels.every((label) => plain.test(label))) return null;
    // An IPv4 address is no site of its own name.
    if (labels.every((label) => /^\d+$/.test(label))) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * A built-in site's host, or a host under one (`eu.chatgpt.com`): a custom entry there
 * would duplicate or widen a site Gateway Guard already knows.
 */
export function isBuiltInHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return SITES.some((site) =>
    [...site.hosts, ...(site.apiHosts ?? [])].some(
      (own) => host === own || host.endsWith(`.${own}`),
    ),
  );
}

/** The host permission a custom site needs. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
