import type { NetworkErrorKind } from './failure.ts';

/**
 * Chromium reports `net::ERR_*`, Firefox `NS_ERROR_*`; both become one plain kind.
 * Errors that are not failures of the site (the user stopped the load, another extension
 * blocked it, a download) are `null`: nothing to rescue.
 */
const KINDS: ReadonlyArray<readonly [RegExp, NetworkErrorKind | null]> = [
  [
    /ERR_ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT\b|ERR_BLOCKED_BY|NS_ERROR_BLOCKED|ERR_CACHE_MISS|ERR_UNKNOWN_URL_SCHEME|NS_BINDING_REDIRECTED|NS_BINDING_RETARGETED|ERR_INVALID_URL|NS_ERROR_MALFORMED_URI/,
    null,
  ],
  // An HTTP error status whose empty body Chromium replaced with its own page: that is an
  // HTTP failure, described by the status the response carried, not a network one.
  [/ERR_HTTP_RESPONSE_CODE_FAILURE/, null],
  [/ERR_CONNECTION_RESET|NS_ERROR_NET_RESET|NS_ERROR_NET_INTERRUPT/, 'connection-reset'],
  [/ERR_CONNECTION_REFUSED|NS_ERROR_CONNECTION_REFUSED/, 'connection-refused'],
  [
    /ERR_CONNECTION_CLOSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_ABORTED|NS_ERROR_NET_PARTIAL_TRANSFER|NS_ERROR_NET_EMPTY_RESPONSE/,
    'connection-closed',
  ],
  [/ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT|NS_ERROR_NET_TIMEOUT/, 'timed-out'],
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|NS_ERROR_UNKNOWN_HOST/, 'name-not-resolved'],
  [
    /ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_ADDRESS_UNREACHABLE|NS_ERROR_OFFLINE/,
    'internet-disconnected',
  ],
  [/ERR_PROXY|ERR_TUNNEL_CONNECTION_FAILED|NS_ERROR_PROXY|NS_ERROR_UNKNOWN_PROXY_HOST/, 'proxy'],
  [
    /ERR_SSL|ERR_CERT|NS_ERROR_NET_INADEQUATE_SECURITY|SEC_ERROR|SSL_ERROR|MOZILLA_PKIX_ERROR/,
    'ssl',
  ],
];

/** The kind of a browser network error string, or null when it is not a site failure. */
export function classifyNetworkError(raw: string): NetworkErrorKind | null {
  for (const [pattern, kind] of KINDS) {
    if (pattern.test(raw)) return kind;
  }
  return /^net::ERR_|^NS_ERROR_/.test(raw) ? 'other' : null;
}
