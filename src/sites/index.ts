import { statusHostPatterns } from '../shared/status/sources.ts';
import { SITES } from './built-in.ts';
import { type CustomSite, customAdapter } from './custom.ts';
import type { SiteAdapter } from './types.ts';

export { SITES } from './built-in.ts';
export type { SiteAdapter } from './types.ts';

/**
 * The sites Gateway Guard covers for one user: the built-in adapters, then the user's own
 * sites from the settings. A value, built the same way in every context from the same
 * settings (the background from its cache, the extension's pages from storage; the content
 * script is handed its site by the background), so no context can miss the user's sites.
 */
export interface SiteRegistry {
  readonly all: readonly SiteAdapter[];
  byId(id: string): SiteAdapter | null;
  /** The site whose app is at this page address, or null. */
  forUrl(url: string): SiteAdapter | null;
  /** The site a request belongs to: its page hosts (within its path prefix) or API hosts. */
  forRequest(url: string): SiteAdapter | null;
}

/** Built-in sites first (a custom entry never shadows one), then the user's own. */
export function siteRegistry(custom: readonly CustomSite[] = []): SiteRegistry {
  const own = custom.map(customAdapter).filter((site): site is SiteAdapter => site !== null);
  const all = own.length === 0 ? SITES : [...SITES, ...own];
  return {
    all,
    byId: (id) => all.find((site) => site.id === id) ?? null,
    forUrl(url) {
      const parsed = parseHttps(url);
      return parsed ? (all.find((site) => servesPage(site, parsed)) ?? null) : null;
    },
    forRequest(url) {
      const parsed = parseHttps(url);
      if (!parsed) return null;
      return (
        all.find(
          (site) => servesPage(site, parsed) || (site.apiHosts ?? []).includes(parsed.hostname),
        ) ?? null
      );
    },
  };
}

/** The built-in sites alone: for what the extension ships with (manifest, host access). */
export const BUILT_IN_SITES: SiteRegistry = siteRegistry();

/** Does this request carry the chat (as opposed to analytics, avatars, settings...)? */
export function isChatRequest(site: SiteAdapter, method: string, url: string): boolean {
  const parsed = parseHttps(url);
  if (!parsed) return false;
  return site.chatRequests.some(
    (rule) =>
      (rule.host ? rule.host === parsed.hostname : site.hosts.includes(parsed.hostname)) &&
      (!rule.method || rule.method === method.toUpperCase()) &&
      rule.path.test(parsed.pathname),
  );
}

/** Match patterns for the sites' pages (content scripts, main-frame filters). */
export function pagePatterns(sites: readonly SiteAdapter[] = SITES): string[] {
  return sites.flatMap((site) =>
    site.hosts.map((host) => `https://${host}${site.pathPrefix ? `${site.pathPrefix}*` : '/*'}`),
  );
}

/** Match patterns for the status hosts the built-in sites' status is fetched from. */
export function statusPatterns(sites: readonly SiteAdapter[] = SITES): string[] {
  return statusHostPatterns(sites.map((site) => site.status));
}

/** Match patterns for every host the extension needs access to: pages and API hosts. */
export function hostPatterns(sites: readonly SiteAdapter[] = SITES): string[] {
  return sites.flatMap((site) =>
    [...site.hosts, ...(site.apiHosts ?? [])].map((host) => `https://${host}/*`),
  );
}

function servesPage(site: SiteAdapter, url: URL): boolean {
  if (!site.hosts.includes(url.hostname)) return false;
  const prefix = site.pathPrefix;
  return !prefix || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
}

function parseHttps(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}
