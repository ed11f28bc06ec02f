/**
 * What clearing a site's cookies really reaches. Chrome's `browsingData` origin filter
 * clears cookies for each origin's whole registrable domain (gemini.google.com takes every
 * google.com cookie with it); Firefox's hostname filter clears exactly the hosts named.
 * The registrable domain comes from the Public Suffix List (tldts), private suffixes
 * included as browsers use them for cookies, so `alice.github.io` stays its own domain.
 *
 * Only the background and extension pages import this: the list is large, and a healthy
 * page's content script never needs it (it gets the answer with its site).
 */
import { getDomain } from 'tldts';

export type CookieScope =
  /** Chrome: every cookie of these registrable domains. `wider`: more than the site's own hosts. */
  | { by: 'domain'; domains: string[]; wider: boolean }
  /** Firefox: the cookies of exactly these hosts; cookies of their parent domains stay. */
  | { by: 'host'; hosts: string[] };

/** The registrable domain of a host (itself when it has none, e.g. `localhost`). */
export function registrableDomain(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host.toLowerCase();
}

export function cookieScope(hosts: readonly string[], target: 'chrome' | 'firefox'): CookieScope {
  const own = [...new Set(hosts.map((host) => host.toLowerCase()))];
  if (target === 'firefox') return { by: 'host', hosts: own };
  const domains = [...new Set(own.map(registrableDomain))];
  // Wider than the site when a domain holds more than the site's own hosts: the domain
  // itself is not one of them (chat.openai.com takes openai.com), so other sites share it.
  const wider = domains.some((domain) => !own.includes(domain));
  return { by: 'domain', domains, wider };
}

/** The cookie scope of clearing a site's data in this build's browser. */
export function siteCookieScope(site: {
  hosts: readonly string[];
  apiHosts?: readonly string[];
}): CookieScope {
  return cookieScope([...site.hosts, ...(site.apiHosts ?? [])], __TARGET__);
}
