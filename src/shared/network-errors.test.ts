import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from './network-errors.ts';

describe('classifyNetworkError', () => {
  it.each([
    ['net::ERR_CONNECTION_RESET', 'connection-reset'],
    ['NS_ERROR_NET_RESET', 'connection-reset'],
    ['NS_ERROR_NET_INTERRUPT', 'connection-reset'],
    ['net::ERR_CONNECTION_REFUSED', 'connection-refused'],
    ['NS_ERROR_CONNECTION_REFUSED', 'connection-refused'],
    ['net::ERR_CONNECTION_CLOSED', 'connection-closed'],
    ['net::ERR_EMPTY_RESPONSE', 'connection-closed'],
    ['NS_ERROR_NET_PARTIAL_TRANSFER', 'connection-closed'],
    ['net::ERR_TIMED_OUT', 'timed-out'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timed-out'],
    ['NS_ERROR_NET_TIMEOUT', 'timed-out'],
    ['net::ERR_NAME_NOT_RESOLVED', 'name-not-resolved'],
    ['NS_ERROR_UNKNOWN_HOST', 'name-not-resolved'],
    ['net::ERR_INTERNET_DISCONNECTED', 'internet-disconnected'],
    ['NS_ERROR_OFFLINE', 'internet-disconnected'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy'],
    ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'proxy'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'ssl'],
    ['net::ERR_CERT_DATE_INVALID', 'ssl'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'ssl'],
    ['net::ERR_FAILED', 'other'],
    ['NS_ERROR_FAILURE', 'other'],
  ])('%s is %s', (raw, kind) => expect(classifyNetworkError(raw)).toBe(kind));

  it.each([
    'net::ERR_ABORTED',
    'NS_BINDING_ABORTED',
    'net::ERR_BLOCKED_BY_CLIENT',
    'net::ERR_BLOCKED_BY_RESPONSE',
    'net::ERR_CACHE_MISS',
    'net::ERR_HTTP_RESPONSE_CODE_FAILURE',
    '',
    'something else entirely',
  ])('%s is not a site failure', (raw) => expect(classifyNetworkError(raw)).toBeNull());
});
