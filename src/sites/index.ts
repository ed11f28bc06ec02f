import { characterai } from './characterai.ts';
import { chatgpt } from './chatgpt.ts';
import { claude } from './claude.ts';
import { copilot } from './copilot.ts';
import { currentCustomSites } from './custom.ts';
import { deepseek } from './deepseek.ts';
import { gemini } from './gemini.ts';
import { grok } from './grok.ts';
import { huggingchat } from './huggingchat.ts';
import { metaai } from './metaai.ts';
import { mistral } from './mistral.ts';
import { perplexity } from './perplexity.ts';
import { poe } from './poe.ts';
import type { SiteAdapter } from './types.ts';

/** Every site Gateway Guard covers. The manifest's host access must match this list. */
export const SITES: readonly SiteAdapter[] = [
  chatgpt,
  claude,
  gemini,
  copilot,
  perplexity,
  mistral,
  deepseek,
  poe,
  grok,
  characterai,
  huggingchat,
  metaai,
];

export type { SiteAdapter } from './types.ts';

/** Built-in sites first (a custom entry never shadows one), then the user's own. */
function allSites(): readonly SiteAdapter[] {
  const custom = currentCustomSites();
  return custom.length === 0 ? SITES : [...SITES, ...custom];
}

export function siteById(id: string): SiteAdapter | null {
  return allSites().find((site) => site.id === id) ?? null;
}

/** The site whose app is at this page address, or null. */
export function siteForUrl(url: string): SiteAdapter | null {
  const parsed = parseHttps(url);
  if (!parsed) return null;
  return allSites().find((site) => servesPage(site, parsed)) ?? null;
}

/**
 * The site a request belongs to: its page hosts (within its path prefix) or its API hosts.
 */
export function siteForRequest(url: string): SiteAdapter | null {
  const parsed = parseHttps(url);
  if (!parsed) return null;
  return (
    allSites().find(
      (site) => servesPage(site, parsed) || (site.apiHosts ?? []).includes(parsed.hostname),
    ) ?? null
  );
}

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
