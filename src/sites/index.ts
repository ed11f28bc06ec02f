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

/**
 * Match patterns for the sites' chat requests, narrowed to the paths their rules start
 * with, so the background is not woken by every image, script and analytics call of a
 * covered page. Each rule still decides (`forRequest`); these only have to let through
 * everything a rule could match.
 */
export function chatRequestPatterns(sites: readonly SiteAdapter[] = SITES): string[] {
  const patterns = sites.flatMap((site) =>
    site.chatRequests.flatMap((rule) =>
      (rule.host ? [rule.host] : [...site.hosts, ...(site.apiHosts ?? [])]).map(
        (host) => `https://${host}${literalPathPrefix(rule.path)}*`,
      ),
    ),
  );
  return [...new Set(patterns)];
}

/**
 * The literal start every path a `^/...` pattern matches begins with: "/backend-api/" for
 * /^\/backend-api\/(f\/)?conversation/. A character that a quantifier makes optional is
 * left out; a pattern not anchored at a literal "/" gives "/" (the whole host).
 */
export function literalPathPrefix(path: RegExp): string {
  const source = path.source;
  if (!source.startsWith('^') || path.flags.includes('i') || topLevelAlternation(source)) {
    return '/';
  }
  let prefix = '';
  for (let i = 1; i < source.length; i++) {
    const char = source[i] ?? '';
    const next = source[i + 1] ?? '';
    if (char === '\\' && /[/.\-_]/.test(next)) {
      if ('?*{'.includes(source[i + 2] ?? '')) break;
      prefix += next;
      i++;
      continue;
    }
    if (/[\w/-]/.test(char) && char !== '\\') {
      if ('?*{'.includes(next)) break;
      prefix += char;
      continue;
    }
    break;
  }
  return prefix.startsWith('/') ? prefix : '/';
}

/** Whether `a|b` splits the whole pattern (the leading ^ then anchors only the first part). */
function topLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
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
