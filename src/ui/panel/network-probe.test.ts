import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatgpt } from '~/sites/chatgpt.ts';
import { gemini } from '~/sites/gemini.ts';
import { checkHosts, probeHost, probeUrl } from './network-probe.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A fetch that answers like a cross-origin no-cors request: an opaque response. */
const opaque = () => ({ type: 'opaque', status: 0, ok: false }) as Response;

describe('probeHost', () => {
  it('sends one HEAD without cookies, cache or referrer, and times the answer', async () => {
    const fetch = vi.fn(async () => opaque());
    vi.stubGlobal('fetch', fetch);
    vi.spyOn(performance, 'now').mockReturnValueOnce(1000).mockReturnValueOnce(1123.4);
    await expect(probeHost('https://status.openai.com/')).resolves.toEqual({
      reachable: true,
      ms: 123,
    });
    expect(fetch).toHaveBeenCalledOnce();
    expect(fetch).toHaveBeenCalledWith('https://status.openai.com/', {
      method: 'HEAD',
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: expect.any(AbortSignal),
    });
  });

  it('counts any answer, an error status included, as reachable', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 502 }));
    await expect(probeHost('https://chatgpt.com/')).resolves.toMatchObject({ reachable: true });
  });

  it('a network error is unreachable, with no time', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(probeHost('https://chatgpt.com/')).resolves.toEqual({
      reachable: false,
      ms: null,
    });
  });

  it('gives up after the timeout', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    vi.stubGlobal(
      'fetch',
      (_url: string, init: RequestInit) =>
        new Promise((_, reject) => {
          signal = init.signal ?? undefined;
          signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        }),
    );
    const result = probeHost('https://chatgpt.com/', 5000);
    await vi.advanceTimersByTimeAsync(4999);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ reachable: false, ms: null });
    expect(signal?.aborted).toBe(true);
  });
});

describe('checkHosts', () => {
  it('the site host as in the page, and the status page host', () => {
    expect(checkHosts(chatgpt, 'https://chat.openai.com/c/1')).toEqual({
      siteHost: 'chat.openai.com',
      statusHost: 'status.openai.com',
    });
    expect(checkHosts(gemini, 'https://gemini.google.com/app/3f2a9b1c0d8e7f6a')).toEqual({
      siteHost: 'gemini.google.com',
      statusHost: 'www.google.com',
    });
  });

  it('falls back to the first host, and to no other host without a status page', () => {
    expect(checkHosts({ hosts: ['chatgpt.com'], status: null }, 'not a url')).toEqual({
      siteHost: 'chatgpt.com',
      statusHost: null,
    });
  });

  it('probes the root over HTTPS', () => {
    expect(probeUrl('chatgpt.com')).toBe('https://chatgpt.com/');
  });
});
