import type { WebRequest } from '~/shared/browser.ts';
import { classifyNetworkFailure, classifyResponse } from '~/shared/classify.ts';
import type { Failure } from '~/shared/failure.ts';
import { parseRetryAfter } from '~/shared/retry-policy.ts';
import { isSiteEnabled } from '~/shared/settings/model.ts';
import { signalLoadDecision } from '~/shared/test-signals.ts';
import { TIMINGS } from '~/shared/timings.ts';
import { currentSites, settings, sites } from './current-settings.ts';
import { headerMap, notePageHeaders, pageHeadersOf, pageTookOf } from './headers.ts';
import { record } from './record-incident.ts';
import { openRecoveryPage } from './recovery.ts';
import { watches } from './recovery-watches.ts';
import { requestTook } from './request-timing.ts';
import { contentStartedFor, loadOf, recordLoad, type TabLoad } from './tab-loads.ts';

/**
 * How long a failed page may take to start its content script before we conclude the
 * browser replaced it with its own error page. Generous: a slow machine must not see a
 * healthy panel pre-empted by the recovery page.
 */
export const CONTENT_START_GRACE_MS = TIMINGS.contentStartGraceMs;

/**
 * Notes a top-level load of a covered site, and of nothing else: host access may reach
 * other pages of a shared host, which are none of our business. The settings come first
 * (they teach the registry the user's own sites); the completion handler waits on the same
 * promise after this one, so it still finds the load.
 */
export function onMainFrameHeaders(details: WebRequest.OnHeadersReceivedDetailsType): void {
  void noteMainFrameHeaders(details);
}

export async function noteMainFrameHeaders(
  details: WebRequest.OnHeadersReceivedDetailsType,
): Promise<void> {
  if (details.tabId < 0) return;
  // At once when the sites are known: the page's first message must find this load.
  if (!(currentSites().forUrl(details.url) ?? (await sites()).forUrl(details.url))) return;
  const headers = headerMap(details.responseHeaders);
  // Until the answer's headers: the body of an error page says nothing about the wait.
  notePageHeaders(details.tabId, details.requestId, headers, requestTook(details));
  recordLoad(details.tabId, {
    requestId: details.requestId,
    url: details.url,
    status: details.statusCode,
    emptyBody: headers['content-length'] !== undefined && Number(headers['content-length']) === 0,
    verdict: classifyResponse(details.statusCode, headers),
    retryAfter: headers['retry-after'] ?? null,
    receivedAt: Date.now(),
    recovered: false,
  });
}

export async function onMainFrameCompleted(details: WebRequest.OnCompletedDetailsType) {
  // A worker just woken must know the user's own sites first.
  const site = (await sites()).forUrl(details.url);
  const load = currentLoad(details.tabId, details.requestId);
  if (!load || !site) return;
  const { verdict } = load;
  if (verdict.kind === 'ignore') {
    if (load.status < 400) {
      // Any page of a watched site loading healthy means the site is back: its tabs return.
      void watches.siteAnswered(site.id);
      await record(details.tabId, { type: 'page-loaded', siteId: site.id, healthy: true });
    }
    signalLoadDecision(details.url, 'healthy');
    return;
  }
  // Outages and refusals in a page with a body are the content script's to read and show.
  if (verdict.kind !== 'outage') return signalLoadDecision(details.url, 'refusal');
  if (!isSiteEnabled(await settings(), site.id)) return signalLoadDecision(details.url, 'site off');
  if (load.emptyBody) {
    await recover(details.tabId, load);
    return;
  }
  // A body that was not declared empty may still be empty (chunked): if no content
  // script shows up for it, the browser is showing its own page and we must step in.
  setTimeout(() => {
    const latest = currentLoad(details.tabId, details.requestId);
    if (latest && !contentStartedFor(details.tabId, latest)) void recover(details.tabId, latest);
    else signalLoadDecision(details.url, 'content script');
  }, CONTENT_START_GRACE_MS);
}

export async function onMainFrameError(details: WebRequest.OnErrorOccurredDetailsType) {
  if (details.tabId < 0) return;
  const current = await settings();
  const site = (await sites()).forUrl(details.url);
  if (!site) return;
  if (!isSiteEnabled(current, site.id)) return signalLoadDecision(details.url, 'site off');
  const load = currentLoad(details.tabId, details.requestId);
  if (details.error.includes('ERR_HTTP_RESPONSE_CODE_FAILURE') && load) {
    // Chromium swapped an empty error response for its own page; the status is known.
    await recover(details.tabId, load);
    return;
  }
  const verdict = classifyNetworkFailure(details.error);
  if (verdict.kind !== 'outage') return;
  const tookUntilError = requestTook(details);
  const failed: TabLoad = load ?? {
    requestId: details.requestId,
    url: details.url,
    status: 0,
    emptyBody: true,
    verdict,
    receivedAt: Date.now(),
    recovered: false,
  };
  await recover(details.tabId, failed, verdict.failure, tookUntilError);
}

/** Sent by a content script that found itself on an error page with nothing on it. */
export async function recoverFromPage(tabId: number, url: string, status: number) {
  const load = loadOf(tabId);
  if (load?.recovered && load.url.split('#')[0] === url.split('#')[0]) return;
  await recover(tabId, {
    requestId: load?.requestId ?? '',
    url,
    status,
    emptyBody: true,
    verdict: classifyResponse(status, {}),
    receivedAt: Date.now(),
    recovered: false,
  });
}

async function recover(
  tabId: number,
  load: TabLoad,
  failure?: Failure,
  tookUntilError: number | null = null,
): Promise<void> {
  if (load.recovered) return;
  load.recovered = true;
  recordLoad(tabId, load);
  signalLoadDecision(load.url, 'recovery');
  const site = (await sites()).forUrl(load.url);
  const what: Failure = failure ?? { kind: 'http', status: load.status };
  if (site) {
    await record(tabId, {
      type: 'failure',
      siteId: site.id,
      url: load.url,
      verdict: { kind: 'outage', failure: what },
      surface: 'recovery',
      headers: pageHeadersOf(tabId, load.requestId),
      tookMs: pageTookOf(tabId, load.requestId) ?? tookUntilError,
    });
  }
  // Prompts turned off: the badge and the history know, the browser's own page stays.
  if ((await settings()).prompt === 'off') return;
  const retryAfterMs = parseRetryAfter(load.retryAfter, load.receivedAt);
  await openRecoveryPage(tabId, what, load.url, retryAfterMs);
}

function currentLoad(tabId: number, requestId: string): TabLoad | undefined {
  const load = loadOf(tabId);
  return load && load.requestId === requestId ? load : undefined;
}
