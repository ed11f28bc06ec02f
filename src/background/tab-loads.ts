/**
 * What the background knows about the latest top-level load of each tab, and whether a
 * content script has started on it. Held in memory: the decision it feeds takes seconds,
 * well inside a service worker's lifetime.
 */
import type { Verdict } from '~/shared/classify.ts';
export interface TabLoad {
  requestId: string;
  url: string;
  status: number;
  /** The response declared an empty body: the browser will show its own error page. */
  emptyBody: boolean;
  /**
   * What the answer's status and headers say, decided once when they arrive (a Cloudflare
   * challenge is told by its `cf-mitigated` header). The page may refine it from its text.
   */
  verdict: Verdict;
  /** The answer's Retry-After header, as sent. */
  retryAfter?: string | null;
  receivedAt: number;
  /** Set once the recovery page was opened for this load, so it happens once. */
  recovered: boolean;
}

const loads = new Map<number, TabLoad>();
const contentStarts = new Map<number, { url: string; at: number }>();

export function recordLoad(tabId: number, load: TabLoad): void {
  loads.set(tabId, load);
}

export function loadOf(tabId: number): TabLoad | undefined {
  return loads.get(tabId);
}

export function recordContentStart(tabId: number, url: string, at: number): void {
  contentStarts.set(tabId, { url, at });
}

/**
 * Did a content script start for this load? Message order between the network layer and
 * the page is not guaranteed, so a start that arrived just before the headers counts too.
 */
export function contentStartedFor(tabId: number, load: TabLoad): boolean {
  const start = contentStarts.get(tabId);
  return !!start && sameDocument(start.url, load.url) && start.at >= load.receivedAt - 1000;
}

export function forgetTab(tabId: number): void {
  loads.delete(tabId);
  contentStarts.delete(tabId);
}

function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
