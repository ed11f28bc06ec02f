import type { WebRequest } from '~/shared/browser.ts';

/** Response headers as a plain map with lower-case names. */
export function headerMap(headers: WebRequest.HttpHeaders | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { name, value } of headers ?? []) map[name.toLowerCase()] = value ?? '';
  return map;
}

/**
 * The headers that identify a failing response for a support desk: trace and request ids,
 * and which server or proxy answered. An allow-list: nothing else is ever kept, so cookies,
 * authorisation and tokens cannot slip in under a new name.
 */
export const IDENTIFYING_HEADERS = [
  'cf-ray',
  'x-request-id',
  'request-id',
  'x-amzn-requestid',
  'x-amzn-trace-id',
  'x-amz-cf-id',
  'x-amz-cf-pop',
  'x-cloud-trace-context',
  'x-correlation-id',
  'x-trace-id',
  'traceparent',
  'x-served-by',
  'x-cache',
  'cf-cache-status',
  'server',
  'via',
] as const;

const SECRET_NAME = /cookie|auth|token|secret|session|key|password|signature/i;
const MAX_VALUE = 120;

/** The identifying headers of a response (lower-case names), values cut to one short line. */
export function identifyingHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of IDENTIFYING_HEADERS) {
    const value = headers[name];
    if (value === undefined || SECRET_NAME.test(name)) continue;
    // Printable ASCII only, one line: a header value is shown and copied as text.
    const clean = value
      .replace(/[^\x20-\x7e]/g, '')
      .trim()
      .slice(0, MAX_VALUE);
    if (clean) kept[name] = clean;
  }
  return kept;
}

/** The identifying headers of each tab's latest top-level response, until the tab loads again. */
const pageHeaders = new Map<
  number,
  { requestId: string; headers: Record<string, string>; tookMs: number | null }
>();

export function notePageHeaders(
  tabId: number,
  requestId: string,
  headers: Record<string, string>,
  tookMs: number | null = null,
) {
  pageHeaders.set(tabId, { requestId, headers: identifyingHeaders(headers), tookMs });
}

/** How long the tab's latest top-level request took until its answer's headers. */
export function pageTookOf(tabId: number, requestId?: string): number | null {
  const noted = pageHeaders.get(tabId);
  if (!noted || (requestId !== undefined && noted.requestId !== requestId)) return null;
  return noted.tookMs;
}

export function pageHeadersOf(tabId: number, requestId?: string): Record<string, string> {
  const noted = pageHeaders.get(tabId);
  if (!noted || (requestId !== undefined && noted.requestId !== requestId)) return {};
  return noted.headers;
}
