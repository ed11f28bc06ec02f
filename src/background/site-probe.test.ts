import { describe, expect, it, vi } from 'vitest';
import { probeSite } from './site-probe.ts';

const answer = (status: number, headers: Record<string, string> = {}) =>
  vi.fn(async () => new Response(null, { status, headers }));

describe('probeSite: one light request', () => {
  it('asks for headers only, never from the cache, without following redirects', async () => {
    const fetcher = answer(200);
    await probeSite('https://chatgpt.com/c/1', fetcher as unknown as typeof fetch);
    expect(fetcher).toHaveBeenCalledWith(
      'https://chatgpt.com/c/1',
      expect.objectContaining({
        method: 'HEAD',
        cache: 'no-store',
        credentials: 'include',
        redirect: 'manual',
      }),
    );
  });

  it.each([
    [200, true],
    [302, true],
    [403, true],
    [404, true],
    [429, false],
    [500, false],
    [502, false],
    [503, false],
    [522, false],
  ])('%i → healthy: %s', async (status, healthy) => {
    const result = await probeSite(
      'https://chatgpt.com/',
      answer(status) as unknown as typeof fetch,
    );
    expect(result).toMatchObject({ healthy, status });
  });

  it('reads Retry-After', async () => {
    const fetcher = answer(503, { 'retry-after': '120' });
    const result = await probeSite('https://chatgpt.com/', fetcher as unknown as typeof fetch);
    expect(result).toEqual({ healthy: false, status: 503, retryAfterMs: 120_000 });
  });

  it('a redirect is an answer: the site is up', async () => {
    const redirected = { type: 'opaqueredirect', status: 0, headers: new Headers() } as Response;
    const result = await probeSite(
      'https://chatgpt.com/',
      (async () => redirected) as typeof fetch,
    );
    expect(result.healthy).toBe(true);
  });

  it('a network error is no answer', async () => {
    const result = await probeSite('https://chatgpt.com/', (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    expect(result).toEqual({ healthy: false, status: null, retryAfterMs: null });
  });
});
