import type { WebRequest } from '~/shared/browser.ts';
import { classifyNetworkFailure, classifyResponse } from '~/shared/classify.ts';
import { sendToTab } from '~/shared/protocol/messages.ts';
import { isSiteEnabled } from '~/shared/settings/model.ts';
import { signalLoadDecision } from '~/shared/test-signals.ts';
import { isChatRequest, type SiteRegistry } from '~/sites/index.ts';
import { settings, sites } from './current-settings.ts';
import { headerMap, identifyingHeaders } from './headers.ts';
import { record } from './record-incident.ts';
import { requestTook } from './request-timing.ts';

/**
 * The requests that carry the chat (the adapter says which). A failure here while the
 * page itself is fine becomes a compact notice; a success ends that episode.
 */
export async function onChatRequestCompleted(details: WebRequest.OnCompletedDetailsType) {
  const tookMs = requestTook(details);
  const site = chatSite(await sites(), details);
  if (!site) return signalLoadDecision(details.url, 'not a chat request');
  if (!isSiteEnabled(await settings(), site.id)) return signalLoadDecision(details.url, 'site off');
  const headers = headerMap(details.responseHeaders);
  const verdict = classifyResponse(details.statusCode, headers);
  if (verdict.kind === 'ignore') {
    if (details.statusCode < 400) {
      void sendToTab(details.tabId, 'chatSettled', { ok: true });
      await record(details.tabId, { type: 'chat-ok' });
    }
    return;
  }
  void sendToTab(details.tabId, 'chatSettled', { ok: false });
  await record(details.tabId, {
    type: 'failure',
    siteId: site.id,
    url: pageOf(details),
    verdict,
    surface: 'compact',
    headers: identifyingHeaders(headers),
    tookMs,
  });
}

export async function onChatRequestError(details: WebRequest.OnErrorOccurredDetailsType) {
  const tookMs = requestTook(details);
  const site = chatSite(await sites(), details);
  if (!site || !isSiteEnabled(await settings(), site.id)) return;
  const verdict = classifyNetworkFailure(details.error);
  if (verdict.kind !== 'outage') return;
  void sendToTab(details.tabId, 'chatSettled', { ok: false });
  await record(details.tabId, {
    type: 'failure',
    siteId: site.id,
    url: pageOf(details),
    verdict,
    surface: 'compact',
    tookMs,
  });
}

function chatSite(registry: SiteRegistry, details: { tabId: number; method: string; url: string }) {
  if (details.tabId < 0) return null;
  const site = registry.forRequest(details.url);
  return site && isChatRequest(site, details.method, details.url) ? site : null;
}

/** The page that sent the request (Firefox names the document, Chromium only its origin). */
function pageOf(details: { url: string; documentUrl?: string; initiator?: string }): string {
  return details.documentUrl ?? details.initiator ?? details.url;
}
