/**
 * Reads a site's live status from the background: one small GET, bounded in time and size,
 * cached briefly (in memory and in session storage, so a restarted worker reuses it), with
 * backoff after failures and one request at a time per site. Nothing here throws: every
 * failure is a reading whose level is "unknown", with the reason kept for the report.
 *
 * Fetch only when useful: when an incident starts on the site, when the popup or the panel
 * is open, or (optional, off by default) on a slow periodic check.
 */
import { browser } from '~/shared/browser.ts';
import { expectsJson, READERS, readStatuspageIncidents } from '~/shared/status/readers/index.ts';
import {
  DEFAULT_MAX_BYTES,
  type FetchedSource,
  keepOwnIncidentLinks,
  type SiteStatusSource,
  statusSourceOf,
} from '~/shared/status/sources.ts';
import { quoteValue } from '~/shared/status/text.ts';
import {
  isStatusLevel,
  REASON,
  type StatusReading,
  unknownReading,
} from '~/shared/status/types.ts';
import { TIMINGS } from '~/shared/timings.ts';
import { sites } from '../current-settings.ts';

/** The whole request, body included. */
export const STATUS_TIMEOUT_MS = 4_000;
/** How long a good reading is reused. */
export const STATUS_TTL_MS = 60_000;
/** Backoff after a failure: this, doubled on each failure in a row, up to the maximum. */
export const STATUS_BACKOFF_BASE_MS = 30_000;
export const STATUS_BACKOFF_MAX_MS = 10 * 60_000;
/** `force` re-reads a good reading only when it is at least this old. */
export const STATUS_FORCE_MIN_AGE_MS = TIMINGS.statusForceMinAgeMs;

/** The part of `storage.session` this needs. */
export interface StatusStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface StatusFetcherDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now: () => number;
  store?: StatusStore | null;
  /** Where a site's status is read (default: the sites covered now, the user's own too). */
  sourceOf?: (siteId: string) => SiteStatusSource | null | Promise<SiteStatusSource | null>;
  timeoutMs?: number;
  ttlMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface ReadStatusOptions {
  /**
   * Re-read even though a good reading is cached (the user opened the popup or panel).
   * Never skips the backoff after failures, and never re-reads a reading under
   * `STATUS_FORCE_MIN_AGE_MS` old: opening and closing a panel must not hammer a provider.
   */
  force?: boolean;
}

export interface StatusFetcher {
  readStatus(siteId: string, options?: ReadStatusOptions): Promise<StatusReading>;
  readAllStatuses(
    siteIds: readonly string[],
    options?: ReadStatusOptions,
  ): Promise<Record<string, StatusReading>>;
  /** Forgets the in-memory cache (as a restarted worker would); storage is kept. */
  forgetMemory(): void;
}

interface CacheEntry {
  reading: StatusReading;
  /** When it was read. */
  fetchedAt: number;
  /** Served from cache until then: the time to live, or the backoff after a failure. */
  until: number;
  /** Failures in a row. */
  failures: number;
}

type Download = { ok: true; text: string } | { ok: false; reason: string };

const storageKey = (siteId: string) => `status:${siteId}`;

export function createStatusFetcher(deps: StatusFetcherDeps): StatusFetcher {
  const sourceOf = deps.sourceOf ?? coveredSiteSource;
  const timeoutMs = deps.timeoutMs ?? STATUS_TIMEOUT_MS;
  const ttlMs = deps.ttlMs ?? STATUS_TTL_MS;
  const backoffBase = deps.backoffBaseMs ?? STATUS_BACKOFF_BASE_MS;
  const backoffMax = deps.backoffMaxMs ?? STATUS_BACKOFF_MAX_MS;
  const memory = new Map<string, CacheEntry>();
  const inflight = new Map<string, Promise<StatusReading>>();

  async function load(siteId: string): Promise<CacheEntry | null> {
    if (!deps.store) return null;
    try {
      const stored = await deps.store.get(storageKey(siteId));
      const entry = asCacheEntry(stored?.[storageKey(siteId)]);
      if (entry) memory.set(siteId, entry);
      return entry;
    } catch {
      return null;
    }
  }

  function save(siteId: string, entry: CacheEntry): void {
    memory.set(siteId, entry);
    if (!deps.store) return;
    try {
      void deps.store.set({ [storageKey(siteId)]: entry }).catch(() => undefined);
    } catch {
      // No session storage: the memory cache still works.
    }
  }

  async function refresh(siteId: string, source: FetchedSource, force: boolean) {
    const cached = memory.get(siteId) ?? (await load(siteId));
    const now = deps.now();
    if (cached && now < cached.until) {
      const reread =
        force && cached.failures === 0 && now - cached.fetchedAt >= STATUS_FORCE_MIN_AGE_MS;
      if (!reread) return cached.reading;
    }
    const reading = await fetchReading(source);
    const done = deps.now();
    const failed = isFailure(reading);
    const failures = failed ? (cached?.failures ?? 0) + 1 : 0;
    const wait = failed
      ? Math.min(backoffBase * 2 ** Math.min(failures - 1, 30), backoffMax)
      : ttlMs;
    save(siteId, { reading, fetchedAt: done, until: done + wait, failures });
    return reading;
  }

  async function fetchReading(source: FetchedSource): Promise<StatusReading> {
    const json = expectsJson(source.kind);
    const maxBytes = source.maxBytes ?? DEFAULT_MAX_BYTES;
    const first = await download(source.url, json, maxBytes);
    if (!first.ok) return unknownReading(first.reason, deps.now(), source.url);
    const options = { ...source.options, source: source.url, page: source.page };
    const reading = READERS[source.kind](first.text, deps.now(), options);
    const trouble = reading.level !== 'operational' && reading.level !== 'unknown';
    if (!source.incidentsUrl || !trouble || reading.incidents.length > 0) return reading;
    // The summary says something is wrong but names nothing: one more request for the list.
    const second = await download(source.incidentsUrl, true, maxBytes);
    const incidents = second.ok ? readStatuspageIncidents(second.text, options) : null;
    return incidents && incidents.length > 0 ? { ...reading, incidents } : reading;
  }

  async function download(url: string, json: boolean, maxBytes: number): Promise<Download> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<Download>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ ok: false, reason: REASON.timeout });
      }, timeoutMs);
    });
    try {
      // The race settles even when a fetch ignores its abort signal.
      return await Promise.race([get(url, json, maxBytes, controller), timedOut]);
    } catch {
      return { ok: false, reason: REASON.network };
    } finally {
      clearTimeout(timer);
    }
  }

  async function get(
    url: string,
    json: boolean,
    maxBytes: number,
    controller: AbortController,
  ): Promise<Download> {
    let response: Response;
    try {
      response = await deps.fetch(url, {
        method: 'GET',
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
        headers: {
          accept: json
            ? 'application/json'
            : 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
        },
        signal: controller.signal,
      });
    } catch {
      // A redirect loop, DNS, TLS, CORS and a dropped connection all surface as TypeError.
      return { ok: false, reason: controller.signal.aborted ? REASON.timeout : REASON.network };
    }
    try {
      // Redirected to another host (a captive portal, a filtering proxy's page, a login):
      // whatever answered, it was not the status page.
      if (!answeredBy(response, url)) {
        discard(response);
        return { ok: false, reason: `${REASON.network}: answered by another host` };
      }
      if (!response.ok) {
        discard(response);
        return { ok: false, reason: `${REASON.http} ${response.status}` };
      }
      const type = (response.headers.get('content-type') ?? '').toLowerCase();
      if (type.includes('html')) {
        discard(response);
        return { ok: false, reason: `${json ? REASON.notJson : REASON.notFeed}: HTML page` };
      }
      const length = Number(response.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(length) && length > maxBytes) {
        discard(response);
        return { ok: false, reason: REASON.tooLarge };
      }
      return await readCapped(response, maxBytes, controller);
    } catch {
      return { ok: false, reason: controller.signal.aborted ? REASON.timeout : REASON.network };
    }
  }

  async function readStatus(siteId: string, options: ReadStatusOptions = {}) {
    const source = await sourceOf(siteId);
    if (!source)
      return unknownReading(`${REASON.unknownSite}: ${quoteValue(siteId)}`, deps.now(), '');
    if (source.kind === 'link')
      return unknownReading(REASON.noMachineReadable, deps.now(), source.page);
    if (source.kind === 'none') {
      return unknownReading(REASON.noStatusPage, deps.now(), source.closest?.url ?? '');
    }
    const running = inflight.get(siteId);
    if (running) return running;
    const task = refresh(siteId, source, options.force === true)
      .then((reading) => keepOwnIncidentLinks(reading, source))
      .catch(() => unknownReading(`${REASON.readerError}: fetcher`, deps.now(), source.url))
      .finally(() => inflight.delete(siteId));
    inflight.set(siteId, task);
    return task;
  }

  return {
    readStatus,
    async readAllStatuses(siteIds, options) {
      const unique = [...new Set(siteIds)];
      const readings = await Promise.all(unique.map((id) => readStatus(id, options)));
      return Object.fromEntries(unique.map((id, i) => [id, readings[i] as StatusReading]));
    },
    forgetMemory() {
      memory.clear();
    },
  };
}

/** The body as text, or "too large" as soon as it passes `maxBytes` (the rest is not read). */
async function readCapped(
  response: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<Download> {
  const body = response.body;
  if (!body) {
    const text = await response.text();
    return new TextEncoder().encode(text).byteLength > maxBytes
      ? { ok: false, reason: REASON.tooLarge }
      : { ok: true, text };
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      void reader.cancel().catch(() => undefined);
      return { ok: false, reason: REASON.tooLarge };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}

/** Did the answer come from the host asked (after any redirects)? Unknown: assume so. */
function answeredBy(response: Response, asked: string): boolean {
  const final = typeof response.url === 'string' ? response.url : '';
  if (final === '') return true;
  try {
    return new URL(final).hostname === new URL(asked).hostname;
  } catch {
    return true;
  }
}

function discard(response: Response): void {
  try {
    void response.body?.cancel().catch(() => undefined);
  } catch {
    // Already used or locked: nothing to free.
  }
}

/** Unknown for a reason worth backing off from (not "nothing listed", which is normal). */
function isFailure(reading: StatusReading): boolean {
  return (
    reading.level === 'unknown' &&
    !(reading.unknownReason ?? '').startsWith(REASON.noIncidentListed)
  );
}

/** What storage gave back, if it is a cache entry this code wrote. */
function asCacheEntry(value: unknown): CacheEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Partial<CacheEntry>;
  const reading = entry.reading as Partial<StatusReading> | undefined;
  const numbers = [entry.fetchedAt, entry.until, entry.failures, reading?.readAt];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  if (!reading || !isStatusLevel(reading.level) || !Array.isArray(reading.incidents)) return null;
  if (typeof reading.source !== 'string') return null;
  return entry as CacheEntry;
}

const sessionStore: StatusStore = {
  async get(key) {
    return ((await browser.storage.session.get(key)) ?? {}) as Record<string, unknown>;
  },
  async set(items) {
    await browser.storage.session.set(items);
  },
};

async function coveredSiteSource(siteId: string): Promise<SiteStatusSource | null> {
  const site = (await sites()).byId(siteId);
  return site ? statusSourceOf(site) : null;
}

let shared: StatusFetcher | null = null;

function sharedFetcher(): StatusFetcher {
  shared ??= createStatusFetcher({
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    store: sessionStore,
  });
  return shared;
}

/** The site's status now (cached up to a minute; backs off after failures). Never throws. */
export function readStatus(siteId: string, options?: ReadStatusOptions): Promise<StatusReading> {
  return sharedFetcher().readStatus(siteId, options);
}

/** Several sites at once (the popup, the alternatives list), keyed by site id. */
export function readAllStatuses(
  siteIds: readonly string[],
  options?: ReadStatusOptions,
): Promise<Record<string, StatusReading>> {
  return sharedFetcher().readAllStatuses(siteIds, options);
}
