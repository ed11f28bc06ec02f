import { describe, expect, it } from 'vitest';
import { headerMap, identifyingHeaders, notePageHeaders, pageHeadersOf } from './headers.ts';

describe('identifyingHeaders', () => {
  it('keeps trace ids and the answering server, and nothing that carries a secret', () => {
    const headers = headerMap([
      { name: 'CF-RAY', value: '8f1e2d3c4b5a6978-FRA' },
      { name: 'x-request-id', value: 'req_123' },
      { name: 'Server', value: 'cloudflare' },
      { name: 'Via', value: '1.1 varnish' },
      { name: 'Set-Cookie', value: '__Secure-session=abc' },
      { name: 'Authorization', value: 'Bearer xyz' },
      { name: 'x-auth-token', value: 'secret' },
      { name: 'x-openai-session', value: 'secret' },
      { name: 'content-type', value: 'text/html' },
    ]);
    expect(identifyingHeaders(headers)).toEqual({
      'cf-ray': '8f1e2d3c4b5a6978-FRA',
      'x-request-id': 'req_123',
      server: 'cloudflare',
      via: '1.1 varnish',
    });
  });

  it('cuts values to one short printable line', () => {
    const kept = identifyingHeaders({ 'request-id': `a\r\nb${'x'.repeat(500)}` });
    expect(kept['request-id']).toMatch(/^ab x*$|^abx+$/);
    expect(kept['request-id']?.length).toBe(120);
    expect(identifyingHeaders({ server: '\u0000\u0001' })).toEqual({});
  });

  it('remembers a tab’s latest top-level response, for that request only', () => {
    notePageHeaders(7, 'r1', { 'cf-ray': 'abc' });
    expect(pageHeadersOf(7, 'r1')).toEqual({ 'cf-ray': 'abc' });
    expect(pageHeadersOf(7, 'r2')).toEqual({});
    expect(pageHeadersOf(7)).toEqual({ 'cf-ray': 'abc' });
    expect(pageHeadersOf(8)).toEqual({});
  });
});
