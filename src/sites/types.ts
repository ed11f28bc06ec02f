import type { ClosestStatus, FetchedSource, LinkOnlySource } from '../shared/status/sources.ts';

/**
 * Everything Gateway Guard knows about one chat site, as data. Logic elsewhere is shared;
 * adding a site means one new adapter file and one line in `built-in.ts`.
 */
export interface SiteAdapter {
  /** Stable id, used in settings and storage. */
  id: string;
  /** The product's name as users know it. */
  name: string;
  /** Hostnames the chat app is served from (exact names, no wildcards). */
  hosts: readonly string[];
  /**
   * Where on those hosts the app lives, when it shares its hosts with other things
   * (HuggingChat is /chat on huggingface.co). Absent: the whole host.
   */
  pathPrefix?: string;
  /** Extra hosts that only carry the app's API calls (never a page of their own). */
  apiHosts?: readonly string[];
  /**
   * The requests that carry the chat itself. Only these count: a failing analytics ping,
   * avatar or feature flag is never an outage.
   */
  chatRequests: readonly ChatRequestRule[];
  /**
   * The public status page users can open and, where a program can read it, the one
   * address fetched and how to read it (null: the site has no status page of its own).
   */
  status: FetchedSource | LinkOnlySource | null;
  /** With no status page of its own: the nearest honest public source, if there is one. */
  closestStatus?: ClosestStatus;
  /** CSS selectors of the message composer, most specific first (for draft rescue). */
  composer: readonly string[];
  /** The site's own retry/regenerate control, when it has one. */
  retryControl?: readonly string[];
  /** Wording the site shows in the page, lower case, matched as substrings. */
  phrases: {
    /** The service failed. */
    outage: readonly string[];
    /** The connection failed. */
    network: readonly string[];
    /** Looks like trouble but is not an outage: never retried automatically. */
    notOutage: readonly string[];
  };
}

export interface ChatRequestRule {
  /** Host of the request; absent: any of the site's own hosts. */
  host?: string;
  /** Matched against the path (no query). */
  path: RegExp;
  method?: 'GET' | 'POST';
}
