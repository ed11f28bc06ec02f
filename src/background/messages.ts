import { browser, type Runtime } from '~/shared/browser.ts';
import type { AnyRequest, MessageType, Request, Response } from '~/shared/messages.ts';
import { isRequest } from '~/shared/messages.ts';
import { siteForUrl } from '~/sites/index.ts';
import { recoverFromPage } from './main-frame.ts';
import { loadOf, recordContentStart } from './tab-loads.ts';

type Handler<K extends MessageType> = (
  request: Request<K>,
  sender: Runtime.MessageSender,
) => Response<K> | Promise<Response<K>>;

/**
 * Every request the background answers. Requests that act on a tab act only on the
 * sender's own tab, and only when it comes from the top frame of a covered site.
 */
const handlers: { [K in MessageType]: Handler<K> } = {
  ping: () => ({ type: 'pong' }),

  pageStarted: (_request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    if (!tab) return { status: null };
    recordContentStart(tab.tabId, tab.url, Date.now());
    const load = loadOf(tab.tabId);
    const sameUrl = load && load.url.split('#')[0] === tab.url.split('#')[0];
    return { status: sameUrl ? load.status : null };
  },

  openRecovery: (request, sender) => {
    const tab = topFrameOfCoveredSite(sender);
    if (!tab || !Number.isInteger(request.status)) return { ok: false };
    recoverFromPage(tab.tabId, tab.url, request.status);
    return { ok: true };
  },
};

export function onMessage(message: unknown, sender: Runtime.MessageSender) {
  // Only this extension's own contexts can reach us; anything else is ignored outright.
  if (sender.id !== browser.runtime.id || !isRequest(message)) return undefined;
  const handler = handlers[message.type] as Handler<MessageType> | undefined;
  if (!handler) return undefined;
  return Promise.resolve(handler(message as AnyRequest & Request<MessageType>, sender));
}

function topFrameOfCoveredSite(sender: Runtime.MessageSender) {
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (tabId === undefined || sender.frameId !== 0 || !url || !siteForUrl(url)) return null;
  return { tabId, url };
}
