import { describe, expect, it } from 'vitest';
import { BUILT_IN_SITES, siteRegistry } from '~/sites/index.ts';
import { MAX_RETRY_AFTER_MS, parseRecoveryQuery } from './recovery-link.ts';

const query = (url: string, extra = '') => `?url=${encodeURIComponent(url)}&status=502${extra}`;

describe('the recovery page’s target', () => {
  it('accepts https pages of covered sites only', () => {
    expect(parseRecoveryQuery(query('https://chatgpt.com/c/1'), BUILT_IN_SITES)?.url).toBe(
      'https://chatgpt.com/c/1',
    );
    for (const url of [
      'http://chatgpt.com/c/1',
      'https://evil.example/',
      'https://chatgpt.com.evil.example/',
      'https://huggingface.co/models',
      'javascript:alert(1)',
    ]) {
      expect(parseRecoveryQuery(query(url), BUILT_IN_SITES), url).toBeNull();
    }
  });

  it('accepts the user’s own sites once the registry knows them', () => {
    expect(parseRecoveryQuery(query('https://chat.example.com/'), BUILT_IN_SITES)).toBeNull();
    const own = siteRegistry([{ origin: 'https://chat.example.com', statusPage: null }]);
    expect(parseRecoveryQuery(query('https://chat.example.com/'), own)?.url).toBe(
      'https://chat.example.com/',
    );
  });

  it('clamps Retry-After to an hour', () => {
    const url = 'https://claude.ai/new';
    expect(parseRecoveryQuery(query(url, '&retryAfter=1e12'), BUILT_IN_SITES)?.retryAfterMs).toBe(
      MAX_RETRY_AFTER_MS,
    );
    expect(
      parseRecoveryQuery(query(url, '&retryAfter=Infinity'), BUILT_IN_SITES)?.retryAfterMs,
    ).toBeNull();
    expect(parseRecoveryQuery(query(url, '&retryAfter=1500.4'), BUILT_IN_SITES)?.retryAfterMs).toBe(
      1500,
    );
  });
});
