/**
 * Where each site's status can be read, and how. Built on the adapters' `status.page`
 * (a test keeps the two in step). Addresses come from the providers' documented or widely
 * used endpoints (see /shared/reference/sites.md); none was checked against the live sites,
 * which is why every reader treats the answer as untrusted.
 */
import type { MessageKey } from '../i18n.ts';
import type { ReadableKind } from './readers/index.ts';
import type { ReaderOptions, StatusReading } from './types.ts';

/** The default response size cap: a status summary is a few KB to a few hundred KB. */
export const DEFAULT_MAX_BYTES = 512 * 1024;

export interface FetchedSource {
  kind: ReadableKind;
  /** The status page people open. */
  page: string;
  /** The one address fetched for a reading. */
  url: string;
  /**
   * Fetched only when the reading shows trouble but lists no incident (incident.io's
   * Statuspage-compatible summary and `status.json` carry none): `/api/v2/incidents.json`.
   */
  incidentsUrl?: string;
  /** Passed to the reader. */
  options: Omit<ReaderOptions, 'source' | 'page'>;
  /** Response size cap in bytes (default `DEFAULT_MAX_BYTES`). */
  maxBytes?: number;
  /** How sure we are that the address and shape hold: medium and low are best efforts. */
  confidence: 'high' | 'medium' | 'low';
}

/** A status page exists, but it has nothing a program can read: link only, no fetch. */
export interface LinkOnlySource {
  kind: 'link';
  page: string;
}

/** No public status page. `closest` is the nearest honest public source, if there is one. */
export interface NoSource {
  kind: 'none';
  closest: { name: string; url: string; covers: MessageKey } | null;
}

export type SiteStatusSource = FetchedSource | LinkOnlySource | NoSource;

/**
 * The exact names of the component that carries each site's chat, as the provider's page
 * publishes them (matched exactly, never as a substring; see `findByName`). Empty: no
 * component is documented as the chat, and the page's overall indicator is what counts.
 * Sources are listed in test/fixtures/real/README.md.
 */
export const CHAT_COMPONENTS = {
  // status.openai.com's summary: "Conversations" (ChatGPT's conversation service).
  chatgpt: ['Conversations'],
  // status.claude.com's summary: "claude.ai" (the Console, API and Claude Code are apart).
  claude: ['claude.ai'],
  perplexity: [],
  characterai: [],
  huggingchat: [],
} as const satisfies Record<string, readonly string[]>;

export const STATUS_SOURCES: Readonly<Record<string, SiteStatusSource>> = {
  chatgpt: {
    kind: 'incident.io',
    page: 'https://status.openai.com',
    url: 'https://status.openai.com/api/v2/summary.json',
    incidentsUrl: 'https://status.openai.com/api/v2/incidents.json',
    // "Conversations" is the chat itself; there is no component named "ChatGPT", and names
    // that contain it ("Codex in ChatGPT Desktop", "ChatGPT Atlas") are other products.
    options: { componentHint: CHAT_COMPONENTS.chatgpt },
    confidence: 'high',
  },
  claude: {
    kind: 'statuspage',
    page: 'https://status.claude.com',
    url: 'https://status.claude.com/api/v2/summary.json',
    options: { componentHint: CHAT_COMPONENTS.claude },
    confidence: 'high',
  },
  perplexity: {
    kind: 'incident.io',
    page: 'https://status.perplexity.com',
    url: 'https://status.perplexity.com/api/v2/summary.json',
    incidentsUrl: 'https://status.perplexity.com/api/v2/incidents.json',
    // No documented name for the chat's component: the page's overall indicator stands.
    options: { componentHint: CHAT_COMPONENTS.perplexity },
    confidence: 'medium',
  },
  poe: {
    kind: 'statuspage',
    page: 'https://status.poe.com',
    url: 'https://status.poe.com/api/v2/status.json',
    incidentsUrl: 'https://status.poe.com/api/v2/incidents.json',
    // Status addresses have pointed at another product's page before: check the name.
    options: { pageName: ['Poe'] },
    confidence: 'medium',
  },
  characterai: {
    kind: 'statuspage',
    page: 'https://status.character.ai',
    url: 'https://status.character.ai/api/v2/summary.json',
    options: { componentHint: CHAT_COMPONENTS.characterai },
    confidence: 'medium',
  },
  huggingchat: {
    kind: 'betterstack',
    page: 'https://status.huggingface.co',
    url: 'https://status.huggingface.co/index.json',
    // None of the page's resources is HuggingChat: the page's aggregate state stands.
    options: { componentHint: CHAT_COMPONENTS.huggingchat },
    confidence: 'medium',
  },
  deepseek: {
    kind: 'rss',
    page: 'https://status.deepseek.com',
    url: 'https://status.deepseek.com/feed.rss',
    options: { recentHours: 6 },
    confidence: 'low',
  },
  grok: {
    kind: 'rss',
    page: 'https://status.x.ai',
    url: 'https://status.x.ai/feed.xml',
    options: { recentHours: 6 },
    confidence: 'medium',
  },
  gemini: {
    kind: 'google-apps',
    page: 'https://www.google.com/appsstatus/dashboard/',
    url: 'https://www.google.com/appsstatus/dashboard/incidents.json',
    // Google Workspace's dashboard lists Gemini for Workspace, which may not cover every
    // problem of the Gemini app: no listed incident is never read as "operational".
    options: { product: 'Gemini', absenceMeansOperational: false },
    // The list is incident history for every Workspace product.
    maxBytes: 2 * 1024 * 1024,
    confidence: 'medium',
  },
  mistral: { kind: 'link', page: 'https://status.mistral.ai' },
  copilot: {
    kind: 'none',
    closest: {
      name: 'Microsoft 365 Status',
      url: 'https://status.cloud.microsoft/',
      covers: 'statusClosestCoversMicrosoft365',
    },
  },
  metaai: {
    kind: 'none',
    closest: {
      name: 'Meta Status',
      url: 'https://metastatus.com/',
      covers: 'statusClosestCoversMeta',
    },
  },
};

export function statusSourceFor(siteId: string): SiteStatusSource | null {
  return Object.hasOwn(STATUS_SOURCES, siteId) ? (STATUS_SOURCES[siteId] ?? null) : null;
}

export function isFetched(source: SiteStatusSource): source is FetchedSource {
  return source.kind !== 'link' && source.kind !== 'none';
}

/**
 * Status hosts read without host access: Chrome ignores the path of a host permission, so
 * `https://www.google.com/appsstatus/*` would grant all of www.google.com (every search).
 * Their feeds are fetched as plain cross-origin reads, without cookies: they work where the
 * provider allows it, and read as "status unknown" (with the link) where it does not.
 */
export const STATUS_HOSTS_WITHOUT_ACCESS: readonly string[] = ['www.google.com'];

/**
 * Match patterns for every address the status layer fetches with host access: status-only
 * hosts, never a host that serves anything else.
 */
export function statusHostPatterns(): string[] {
  const patterns = new Set<string>();
  for (const source of Object.values(STATUS_SOURCES)) {
    if (!isFetched(source)) continue;
    for (const address of [source.url, source.incidentsUrl]) {
      if (!address) continue;
      const url = new URL(address);
      if (STATUS_HOSTS_WITHOUT_ACCESS.includes(url.hostname)) continue;
      patterns.add(`https://${url.hostname}/*`);
    }
  }
  return [...patterns];
}

/** Statuspage's shortlink host, which its incidents link through. */
const SHORTLINK_HOSTS: readonly string[] = ['stspg.io'];

/**
 * An incident's link, from a status page's JSON, may point anywhere: keep it only when it
 * is https on the status page's own host (or its shortlink host), else drop the link.
 */
export function keepOwnIncidentLinks(reading: StatusReading, source: FetchedSource): StatusReading {
  const own = new Set(
    [source.url, source.page, source.incidentsUrl].flatMap((address) => {
      try {
        return address ? [new URL(address).hostname] : [];
      } catch {
        return [];
      }
    }),
  );
  const allowed = (link: string) => {
    try {
      const url = new URL(link);
      return (
        url.protocol === 'https:' &&
        !url.username &&
        !url.password &&
        (own.has(url.hostname) || SHORTLINK_HOSTS.includes(url.hostname))
      );
    } catch {
      return false;
    }
  };
  if (reading.incidents.every((incident) => incident.url === null || allowed(incident.url))) {
    return reading;
  }
  return {
    ...reading,
    incidents: reading.incidents.map((incident) =>
      incident.url === null || allowed(incident.url) ? incident : { ...incident, url: null },
    ),
  };
}
