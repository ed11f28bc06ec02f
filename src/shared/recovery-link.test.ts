import { describe, expect, it } from 'vitest';
import { BUILT_IN_SITES } from '~/sites/index.ts';
import { parseRecoveryQuery, recoveryQuery } from './recovery-link.ts';

describe('recovery link', () => {
  it('round-trips an HTTP failure with the full original address', () => {
    const url = 'https://chatgpt.com/c/abc-123?model=x#end';
    const query = recoveryQuery({ kind: 'http', status: 502 }, url);
    expect(parseRecoveryQuery(query, BUILT_IN_SITES)).toEqual({
      url,
      failure: { kind: 'http', status: 502 },
      retryAfterMs: null,
      checksOnly: false,
    });
  });

  it('carries Retry-After and the checks-only mode', () => {
    const query = recoveryQuery({ kind: 'http', status: 503 }, 'https://claude.ai/new', 6000);
    expect(parseRecoveryQuery(query, BUILT_IN_SITES)?.retryAfterMs).toBe(6000);
    expect(parseRecoveryQuery(`${query}&checks=1`, BUILT_IN_SITES)?.checksOnly).toBe(true);
    expect(
      parseRecoveryQuery(`${query.replace('6000', '-5')}`, BUILT_IN_SITES)?.retryAfterMs,
    ).toBeNull();
  });

  it('round-trips a network failure, classified', () => {
    const query = recoveryQuery(
      { kind: 'network', network: 'connection-reset', raw: 'net::ERR_CONNECTION_RESET' },
      'https://chatgpt.com/',
    );
    expect(parseRecoveryQuery(query, BUILT_IN_SITES)?.failure).toEqual({
      kind: 'network',
      network: 'connection-reset',
      raw: 'net::ERR_CONNECTION_RESET',
    });
  });

  it.each([
    '',
    '?status=502',
    '?url=javascript:alert(1)&status=502',
    '?url=chrome://settings&status=502',
    '?url=not a url&status=502',
    '?url=https://chatgpt.com/',
    '?url=https://chatgpt.com/&status=abc',
  ])('rejects %j', (query) => expect(parseRecoveryQuery(query, BUILT_IN_SITES)).toBeNull());

  it('treats an unknown error string as a network error of kind other', () => {
    expect(
      parseRecoveryQuery('?url=https://chatgpt.com/&error=weird', BUILT_IN_SITES)?.failure,
    ).toMatchObject({
      kind: 'network',
      network: 'other',
    });
  });
});
