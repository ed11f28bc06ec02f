import type { WebRequest } from '~/shared/browser.ts';
import { isOutageStatus } from '~/shared/http-status.ts';
import { classifyNetworkError } from '~/shared/network-errors.ts';
import { openRecoveryPage } from './recovery.ts';
import { contentStartedFor, loadOf, recordLoad, type TabLoad } from './tab-loads.ts';

/**
 * How long a failed page may take to start its content script before we conclude the
 * browser replaced it with its own error page. Generous: a slow machine must not see a
 * healthy panel pre-empted by the recovery page.
 */
export const CONTENT_START_GRACE_MS = 3000;

export function onMainFrameHeaders(details: WebRequest.OnHeadersReceivedDetailsType): void {
  if (details.tabId < 0) return;
  recordLoad(details.tabId, {
    requestId: details.requestId,
    url: details.url,
    status: details.statusCode,
    emptyBody: declaresEmptyBody(details.responseHeaders),
    receivedAt: Date.now(),
    recovered: false,
  });
}

export function onMainFrameCompleted(details: WebRequest.OnCompletedDetailsType): void {
  const load = currentLoad(details.tabId, details.requestId);
  if (!load || !isOutageStatus(load.status)) return;
  if (load.emptyBody) {
    recover(details.tabId, load);
    return;
  }
  // A body that was not declared empty may still be empty (chunked): if no content
  // script shows up for it, the browser is showing its own page and we must step in.
  setTimeout(() => {
    const latest = currentLoad(details.tabId, details.requestId);
    if (latest && !contentStartedFor(details.tabId, latest)) recover(details.tabId, latest);
  }, CONTENT_START_GRACE_MS);
}

export function onMainFrameError(details: WebRequest.OnErrorOccurredDetailsType): void {
  if (details.tabId < 0) return;
  const load = currentLoad(details.tabId, details.requestId);
  if (details.error.includes('ERR_HTTP_RESPONSE_CODE_FAILURE') && load) {
    // Chromium swapped an empty error response for its own page; the status is known.
    recover(details.tabId, load);
    return;
  }
  const network = classifyNetworkError(details.error);
  if (!network) return;
  const failed: TabLoad = load ?? {
    requestId: details.requestId,
    url: details.url,
    status: 0,
    emptyBody: true,
    receivedAt: Date.now(),
    recovered: false,
  };
  if (failed.recovered) return;
  failed.recovered = true;
  recordLoad(details.tabId, failed);
  void openRecoveryPage(
    details.tabId,
    { kind: 'network', network, raw: details.error },
    details.url,
  );
}

/** Sent by a content script that found itself on an error page with nothing on it. */
export function recoverFromPage(tabId: number, url: string, status: number): void {
  const load = loadOf(tabId);
  if (load?.recovered && load.url.split('#')[0] === url.split('#')[0]) return;
  recover(tabId, {
    requestId: load?.requestId ?? '',
    url,
    status,
    emptyBody: true,
    receivedAt: Date.now(),
    recovered: false,
  });
}

function recover(tabId: number, load: TabLoad): void {
  if (load.recovered) return;
  load.recovered = true;
  recordLoad(tabId, load);
  void openRecoveryPage(tabId, { kind: 'http', status: load.status }, load.url);
}

function currentLoad(tabId: number, requestId: string): TabLoad | undefined {
  const load = loadOf(tabId);
  return load && load.requestId === requestId ? load : undefined;
}

function declaresEmptyBody(headers: WebRequest.HttpHeaders | undefined): boolean {
  const length = headers?.find((h) => h.name.toLowerCase() === 'content-length')?.value;
  return length !== undefined && Number(length) === 0;
}
