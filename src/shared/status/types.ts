/**
 * One normalised shape for what a provider's status source says, whatever the provider.
 * Readers (./readers/) turn a response body into a `StatusReading`; they never throw, and
 * anything they do not understand becomes "unknown" with the reason kept, never a false
 * "operational".
 */

export const STATUS_LEVELS = [
  'operational',
  'degraded',
  'partial-outage',
  'major-outage',
  'maintenance',
  'unknown',
] as const;

export type StatusLevel = (typeof STATUS_LEVELS)[number];

/** An active incident (or maintenance in progress), as plain text: never HTML. */
export interface StatusIncident {
  /** Tags and control characters stripped, at most `TITLE_MAX` characters. */
  title: string;
  /** The provider's own word for where the incident stands ("investigating", ...). */
  status: string;
  /** Epoch ms of the latest update, null when the source gave no readable date. */
  updatedAt: number | null;
  /** An https link to the incident, null when there is none. */
  url: string | null;
  /**
   * True when the provider names the components the incident affects and the chat's own
   * component is not among them (an incident on the Console, the API, an app): context, not
   * the chat's state. Absent when the source does not say, which counts as the chat's.
   */
  elsewhere?: boolean;
}

export interface StatusReading {
  /** The whole page (or feed) for the provider. */
  level: StatusLevel;
  /** The component that matters for the chat product, when the page lists components. */
  component: { name: string; level: StatusLevel } | null;
  /** Active incidents and maintenance in progress, newest first, at most `INCIDENTS_MAX`. */
  incidents: StatusIncident[];
  /** Epoch ms of the reading (when the response was read, not when the page was updated). */
  readAt: number;
  /** What was read: the address fetched, or the page linked to when nothing can be fetched. */
  source: string;
  /**
   * Why `level` (or the component's level) is "unknown", in plain English for the support
   * report; null when nothing is unknown. See `REASON` for the stable beginnings.
   */
  unknownReason: string | null;
  /**
   * True when the level is inferred from a list of posts (an RSS/Atom feed) rather than
   * stated by the provider as a live status: the UI should present it as a hint.
   */
  inferred: boolean;
}

/** Everything a reader may be told about the site it reads for (all optional). */
export interface ReaderOptions {
  /** Recorded as the reading's `source` (defaults to the reader's kind). */
  source?: string;
  /** The human status page, for building incident links from ids and relative paths. */
  page?: string;
  /**
   * The documented names of the component that carries the chat, best first; matched
   * exactly (case and spacing aside), never as a substring: "ChatGPT" must not pick
   * "Codex in ChatGPT Desktop". No match: the page's overall indicator stands.
   */
  componentHint?: readonly string[];
  /**
   * The page's own name must contain one of these (case-insensitive), or the reading is
   * unknown: guards against a status address that serves another product's page.
   */
  pageName?: readonly string[];
  /** Incident lists shared by many products (Google's): the product to keep. */
  product?: string;
  /**
   * Incident lists and feeds only show what was posted. When the source is known to cover
   * the product completely, no active incident may be read as "operational"; otherwise it
   * is "unknown" with `REASON.noIncidentListed`. Default false.
   */
  absenceMeansOperational?: boolean;
  /** Feeds: how recent (hours) an unresolved post must be to count as a hint. Default 6. */
  recentHours?: number;
}

export type StatusReader = (body: string, now: number, options?: ReaderOptions) => StatusReading;

export const TITLE_MAX = 200;
export const STATUS_TEXT_MAX = 40;
export const NAME_MAX = 100;
export const INCIDENTS_MAX = 10;

/**
 * The beginnings of `unknownReason`. Details may follow after ": ". Wording maps them to
 * message keys (see wording.ts), so they must stay stable.
 */
export const REASON = {
  timeout: 'timed out',
  network: 'redirect loop or network error',
  tooLarge: 'response too large',
  http: 'HTTP',
  notJson: 'not JSON',
  malformedJson: 'malformed JSON',
  empty: 'empty response',
  notFeed: 'not an RSS or Atom feed',
  format: 'unexpected format',
  otherProduct: 'status page belongs to another product',
  noIncidentListed: 'no current incident listed',
  noMachineReadable: 'no machine-readable status',
  noStatusPage: 'no public status page',
  unknownSite: 'unknown site',
  readerError: 'reader error',
} as const;

/** Severity order: a worse level wins when signals disagree ("unknown" is handled apart). */
const SEVERITY: Record<Exclude<StatusLevel, 'unknown'>, number> = {
  operational: 0,
  maintenance: 1,
  degraded: 2,
  'partial-outage': 3,
  'major-outage': 4,
};

export type KnownLevel = Exclude<StatusLevel, 'unknown'>;

export function worseOf(a: KnownLevel, b: KnownLevel): KnownLevel {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

export function isStatusLevel(value: unknown): value is StatusLevel {
  return typeof value === 'string' && (STATUS_LEVELS as readonly string[]).includes(value);
}

/** A reading that knows nothing, and says why. */
export function unknownReading(reason: string, now: number, source: string): StatusReading {
  return {
    level: 'unknown',
    component: null,
    incidents: [],
    readAt: Number.isFinite(now) ? now : 0,
    source,
    unknownReason: reason,
    inferred: false,
  };
}
