import { browser } from './browser.ts';

/**
 * The one message protocol: each request to the background is declared once here with
 * its answer, so senders get typed calls and the background a typed handler table.
 */
export interface BackgroundProtocol {
  /** Anyone: is the background up and listening? */
  ping: { request: Record<string, never>; response: { type: 'pong' } };
  /**
   * The top frame's content script has started on a covered page. It reports the status it
   * read itself and gets back the status the network layer saw (pull, not push: a message
   * pushed at response time can arrive before the content script listens).
   */
  pageStarted: { request: { status: number | null }; response: { status: number | null } };
  /**
   * The page is an error page with nothing on it to help the user (an empty body): move
   * the sender's own tab to the recovery page for the sender's own URL.
   */
  openRecovery: { request: { status: number }; response: { ok: boolean } };
}

export type MessageType = keyof BackgroundProtocol;
export type Request<K extends MessageType> = { type: K } & BackgroundProtocol[K]['request'];
export type Response<K extends MessageType> = BackgroundProtocol[K]['response'];
export type AnyRequest = { [K in MessageType]: Request<K> }[MessageType];

export function sendToBackground<K extends MessageType>(
  type: K,
  request: BackgroundProtocol[K]['request'],
): Promise<Response<K>> {
  return browser.runtime.sendMessage({ ...request, type }) as Promise<Response<K>>;
}

export function isRequest(value: unknown): value is AnyRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
