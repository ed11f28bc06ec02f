import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rssQuiet } from '~/shared/status/fixtures/others.ts';
import {
  incidentIoSummary,
  incidentsList,
  summaryDegraded,
  summaryOperational,
} from '~/shared/status/fixtures/statuspage.ts';
import { describeUnknownReason } from '~/shared/status/wording.ts';
import {
  createStatusFetcher,
  readAllStatuses,
  readStatus,
  STATUS_BACKOFF_MAX_MS,
  type StatusFetcherDeps,
  type StatusStore,
} from './fetch-status.ts';

const CLAUDE_URL = 'https://status.claude.com/api/v2/summary.json';
const T0 = Date.UTC(2026, 10, 20, 12);

interface FakeResponseInit {
  status?: number;
  type?: string;
  length?: number;
}

/** A minimal fetch Response: status, headers and a streamed body. */
function respond(body: string | ReadableStream<Uint8Array>, init: FakeResponseInit = {}): Response {
  const status = init.status ?? 200;
  const headers = new Headers({ 'content-type': init.type ?? 'application/json; charset=utf-8' });
  if (init.length !== undefined) headers.set('content-length', String(init.length));
  const stream =
    typeof body === 'string'
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(body));
            controller.close();
          },
        })
      : body;
  return {
    ok: status >= 200 && status < 300,
    status,
    headers,
    body: stream,
    text: () => new Response(stream).text(),
  } as Response;
}

const json = (doc: unknown, init?: FakeResponseInit) => respond(JSON.stringify(doc), init);

/** An in-memory store, as session storage would be across a worker restart. */
function memoryStore(): StatusStore & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

function setup(
  answer: (url: string, init: RequestInit) => Promise<Response> | Response,
  extra: Partial<StatusFetcherDeps> = {},
) {
  let now = T0;
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const store = memoryStore();
  const fetcher = createStatusFetcher({
    fetch: async (url, init) => {
      calls.push({ url, init });
      return answer(url, init);
    },
    now: () => now,
    store,
    ...extra,
  });
  return {
    fetcher,
    calls,
    store,
    advance(ms: number) {
      now += ms;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('readStatus', () => {
  it('fetches once, without cookies or cache, and reads the answer', async () => {
    const { fetcher, calls } = setup(() => json(summaryOperational));
    const reading = await fetcher.readStatus('claude');
    expect(reading).toMatchObject({
      level: 'operational',
      component: { name: 'claude.ai', level: 'operational' },
      source: CLAUDE_URL,
      readAt: T0,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(CLAUDE_URL);
    expect(calls[0]?.init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
    });
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('reuses a good reading for a minute', async () => {
    const { fetcher, calls, advance } = setup(() => json(summaryOperational));
    await fetcher.readStatus('claude');
    advance(59_000);
    expect((await fetcher.readStatus('claude')).readAt).toBe(T0);
    expect(calls).toHaveLength(1);
    advance(2_000);
    expect((await fetcher.readStatus('claude')).readAt).toBe(T0 + 61_000);
    expect(calls).toHaveLength(2);
  });

  it('shares one request between callers who ask at once', async () => {
    const { fetcher, calls } = setup(() => json(summaryOperational));
    const readings = await Promise.all([
      fetcher.readStatus('claude'),
      fetcher.readStatus('claude'),
      fetcher.readStatus('claude', { force: true }),
    ]);
    expect(calls).toHaveLength(1);
    expect(new Set(readings.map((r) => r.level))).toEqual(new Set(['operational']));
  });

  it('keeps readings in session storage, so a restarted worker reuses them', async () => {
    const { fetcher, calls, store, advance } = setup(() => json(summaryOperational));
    await fetcher.readStatus('claude');
    expect(Object.keys(store.data)).toEqual(['status:claude']);
    fetcher.forgetMemory();
    advance(30_000);
    expect((await fetcher.readStatus('claude')).readAt).toBe(T0);
    expect(calls).toHaveLength(1);
  });

  it('ignores what it does not recognise in storage', async () => {
    const { fetcher, calls, store } = setup(() => json(summaryOperational));
    store.data['status:claude'] = { reading: { level: 'splendid' }, until: Number.MAX_VALUE };
    expect((await fetcher.readStatus('claude')).level).toBe('operational');
    expect(calls).toHaveLength(1);
  });

  it('force re-reads a good reading only once it is 10 seconds old', async () => {
    const { fetcher, calls, advance } = setup(() => json(summaryOperational));
    await fetcher.readStatus('claude');
    advance(5_000);
    await fetcher.readStatus('claude', { force: true });
    expect(calls).toHaveLength(1);
    advance(5_000);
    await fetcher.readStatus('claude', { force: true });
    expect(calls).toHaveLength(2);
  });

  it('backs off after failures: 30 s, doubling, up to 10 minutes; force does not skip it', async () => {
    let fail = true;
    const { fetcher, calls, advance } = setup(() =>
      fail ? respond('oops', { status: 503, type: 'text/plain' }) : json(summaryOperational),
    );
    expect((await fetcher.readStatus('claude')).unknownReason).toBe('HTTP 503');
    advance(29_000);
    await fetcher.readStatus('claude', { force: true });
    expect(calls).toHaveLength(1);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      let waited = 0;
      const before = calls.length;
      while (calls.length === before) {
        advance(1_000);
        waited += 1_000;
        await fetcher.readStatus('claude');
      }
      waits.push(waited);
    }
    // 1 s already waited above the first 29 s.
    expect(waits).toEqual([1_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
    expect(STATUS_BACKOFF_MAX_MS).toBe(600_000);
    fail = false;
    advance(600_000);
    expect((await fetcher.readStatus('claude')).level).toBe('operational');
    advance(61_000);
    await fetcher.readStatus('claude');
    expect(calls.length).toBe(10); // Success reset the backoff: a normal minute.
  });

  it('asks for the incident list when the summary shows trouble but names none', async () => {
    const { fetcher, calls } = setup((url) =>
      url.endsWith('incidents.json') ? json(incidentsList) : json(incidentIoSummary),
    );
    const reading = await fetcher.readStatus('chatgpt');
    expect(calls.map((c) => c.url)).toEqual([
      'https://status.openai.com/api/v2/summary.json',
      'https://status.openai.com/api/v2/incidents.json',
    ]);
    // The page's own indicator (minor), not the full outage of an API component.
    expect(reading.level).toBe('degraded');
    expect(reading.component).toEqual({ name: 'Conversations', level: 'degraded' });
    expect(reading.incidents.map((i) => i.title)).toEqual(['Increased latency in ChatGPT']);
  });

  it('makes one request only when all is well, or the list is not to be had', async () => {
    const ok = setup(() =>
      json({ ...incidentIoSummary, status: { indicator: 'none' }, components: [] }),
    );
    expect((await ok.fetcher.readStatus('chatgpt')).level).toBe('operational');
    expect(ok.calls).toHaveLength(1);
    const broken = setup((url) =>
      url.endsWith('incidents.json') ? respond('nope', { status: 404 }) : json(incidentIoSummary),
    );
    const reading = await broken.fetcher.readStatus('chatgpt');
    expect(reading.level).toBe('degraded');
    expect(reading.incidents).toEqual([]);
  });

  it('Statuspage summaries carry their incidents: no second request', async () => {
    const { fetcher, calls } = setup(() => json(summaryDegraded));
    expect((await fetcher.readStatus('claude')).incidents).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('"no incident listed" in a feed is normal, not a failure to back off from', async () => {
    const { fetcher, calls, advance } = setup(() =>
      respond(rssQuiet, { type: 'application/rss+xml' }),
    );
    const reading = await fetcher.readStatus('grok');
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toMatch(/^no current incident listed/);
    expect(calls[0]?.init.headers).toMatchObject({ accept: expect.stringContaining('rss') });
    advance(61_000);
    await fetcher.readStatus('grok');
    expect(calls).toHaveLength(2);
  });
});

describe('readStatus: bad answers are "unknown" with the reason, never an exception', () => {
  it('a timeout (a fetch that never answers)', async () => {
    vi.useFakeTimers();
    const { fetcher } = setup(
      (_, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('The operation was aborted.', 'AbortError')),
          );
        }),
    );
    const pending = fetcher.readStatus('claude');
    await vi.advanceTimersByTimeAsync(3_999);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ level: 'unknown', unknownReason: 'timed out' });
  });

  it('a timeout even when the fetch ignores its abort signal', async () => {
    vi.useFakeTimers();
    const { fetcher } = setup(() => new Promise<Response>(() => undefined));
    const pending = fetcher.readStatus('claude');
    await vi.advanceTimersByTimeAsync(4_000);
    expect((await pending).unknownReason).toBe('timed out');
  });

  it('a body that stalls half way', async () => {
    vi.useFakeTimers();
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"status":'));
      },
    });
    const { fetcher } = setup(() => respond(stalled));
    const pending = fetcher.readStatus('claude');
    await vi.advanceTimersByTimeAsync(4_000);
    expect((await pending).unknownReason).toBe('timed out');
  });

  it('a 10 MB answer, read no further than the cap', async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const { fetcher } = setup(() => respond(huge));
    const reading = await fetcher.readStatus('claude');
    expect(reading).toMatchObject({ level: 'unknown', unknownReason: 'response too large' });
    expect(sent).toBeLessThanOrEqual(512 * 1024 + 3 * chunk.byteLength);
  });

  it('a declared length over the cap, without reading the body', async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          pulled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const { fetcher } = setup(() => respond(body, { length: 10 * 1024 * 1024 }));
    expect((await fetcher.readStatus('claude')).unknownReason).toBe('response too large');
    expect(pulled).toBe(false);
  });

  it('a 404 page', async () => {
    const { fetcher } = setup(() =>
      respond('<html><body><h1>404 Not Found</h1></body></html>', {
        status: 404,
        type: 'text/html',
      }),
    );
    expect(await fetcher.readStatus('claude')).toMatchObject({
      level: 'unknown',
      unknownReason: 'HTTP 404',
      source: CLAUDE_URL,
    });
  });

  it('HTML instead of JSON, by its content type', async () => {
    const { fetcher } = setup(() =>
      respond('<!DOCTYPE html><html><body>Status</body></html>', {
        type: 'text/html; charset=utf-8',
      }),
    );
    expect((await fetcher.readStatus('claude')).unknownReason).toBe('not JSON: HTML page');
  });

  it('HTML instead of JSON, by its body', async () => {
    const { fetcher } = setup(() => respond('<!DOCTYPE html><html></html>'));
    expect((await fetcher.readStatus('claude')).unknownReason).toBe('not JSON: HTML page');
  });

  it('HTML instead of a feed', async () => {
    const { fetcher } = setup(() => respond('<html></html>', { type: 'text/html' }));
    expect((await fetcher.readStatus('grok')).unknownReason).toBe(
      'not an RSS or Atom feed: HTML page',
    );
  });

  it('malformed JSON', async () => {
    const { fetcher } = setup(() => respond('{"status": {"indicator": '));
    expect((await fetcher.readStatus('claude')).unknownReason).toBe('malformed JSON');
  });

  it('a redirect loop (fetch rejects with a TypeError)', async () => {
    const { fetcher } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetcher.readStatus('claude')).toMatchObject({
      level: 'unknown',
      unknownReason: 'redirect loop or network error',
    });
  });

  it('an answer from another host (a captive portal) is "not reached", not "unreadable"', async () => {
    const { fetcher } = setup(() => ({
      ...respond('<!doctype html><title>Sign in to the Wi-Fi</title>', { type: 'text/html' }),
      url: 'https://portal.example/login?continue=status',
      redirected: true,
    }));
    const reading = await fetcher.readStatus('claude');
    expect(reading.unknownReason).toBe('redirect loop or network error: answered by another host');
    expect(describeUnknownReason(reading.unknownReason)).toBe('statusReasonNetwork');
  });

  it('a redirect within the status host is read as usual', async () => {
    const { fetcher } = setup(() => ({
      ...json(summaryOperational),
      url: `${CLAUDE_URL}?v=2`,
      redirected: true,
    }));
    expect((await fetcher.readStatus('claude')).level).toBe('operational');
  });

  it('a connection dropped during the body', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"status":'));
        controller.error(new TypeError('network error'));
      },
    });
    const { fetcher } = setup(() => respond(broken));
    expect((await fetcher.readStatus('claude')).unknownReason).toBe(
      'redirect loop or network error',
    );
  });

  it('a fetch that throws synchronously', async () => {
    const fetcher = createStatusFetcher({
      fetch: () => {
        throw new Error('boom');
      },
      now: () => T0,
      store: null,
    });
    expect((await fetcher.readStatus('claude')).unknownReason).toBe(
      'redirect loop or network error',
    );
  });

  it('a store that fails', async () => {
    const fetcher = createStatusFetcher({
      fetch: async () => json(summaryOperational),
      now: () => T0,
      store: {
        get: () => Promise.reject(new Error('no storage')),
        set: () => {
          throw new Error('no storage');
        },
      },
    });
    expect((await fetcher.readStatus('claude')).level).toBe('operational');
  });
});

describe('sites without a readable source', () => {
  it('says so without fetching', async () => {
    const { fetcher, calls } = setup(() => json(summaryOperational));
    expect(await fetcher.readStatus('mistral')).toMatchObject({
      level: 'unknown',
      unknownReason: 'no machine-readable status',
      source: 'https://status.mistral.ai',
    });
    expect(await fetcher.readStatus('copilot')).toMatchObject({
      level: 'unknown',
      unknownReason: 'no public status page',
      source: 'https://status.cloud.microsoft/',
    });
    expect(await fetcher.readStatus('metaai')).toMatchObject({
      unknownReason: 'no public status page',
      source: 'https://metastatus.com/',
    });
    expect((await fetcher.readStatus('__proto__')).unknownReason).toBe('unknown site: "__proto__"');
    expect(calls).toHaveLength(0);
  });
});

describe('readAllStatuses', () => {
  it('reads several sites at once, keyed by id', async () => {
    const { fetcher } = setup((url) =>
      url.includes('claude') ? json(summaryDegraded) : json(summaryOperational),
    );
    const readings = await fetcher.readAllStatuses(['claude', 'characterai', 'mistral', 'claude']);
    expect(Object.keys(readings)).toEqual(['claude', 'characterai', 'mistral']);
    expect(readings.claude?.level).toBe('degraded');
    expect(readings.characterai?.level).toBe('operational');
    expect(readings.mistral?.level).toBe('unknown');
  });
});

describe('the shared fetcher', () => {
  it('uses the global fetch and session storage', async () => {
    const fetch = vi.fn(async () => json(summaryOperational));
    vi.stubGlobal('fetch', fetch);
    expect((await readStatus('characterai')).level).toBe('operational');
    const all = await readAllStatuses(['characterai']);
    expect(all.characterai?.level).toBe('operational');
    expect(fetch).toHaveBeenCalledTimes(1);
    const stored = await fakeBrowser.storage.session.get('status:characterai');
    expect(stored['status:characterai']).toMatchObject({ reading: { level: 'operational' } });
  });
});
