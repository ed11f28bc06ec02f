import {
  classifyNoticeText,
  NOTICE_MAX_CHARS,
  type SitePhrases,
  type Verdict,
} from '~/shared/classify.ts';

/** Elements with more descendants than this are conversation, not an error notice. */
const MAX_NOTICE_ELEMENTS = 40;
const BATCH_DELAY_MS = 150;
/**
 * Elements kept for one look, the latest: a page that renders thousands at once (a long
 * conversation opened) would otherwise make one long look, and a notice is what a burst
 * ends with, not what it starts with.
 */
export const MAX_BATCH = 200;

/**
 * Notices a page can hold before it is parsed, looked at once it is: those marked for
 * assistive technology as alerts or live messages, as sites' error toasts and banners are.
 */
const MARKED_NOTICES = '[role=alert],[role=status],[aria-live]';

/**
 * Watches for the site's own error notices. While an answer streams in, the page mutates
 * hundreds of times a second, so each batch only looks at the elements that were added
 * (never the whole document), skips anything long, and runs at most every 150 ms.
 *
 * While the document is still being parsed, what the parser inserts is the site's server
 * HTML (on a long conversation, thousands of nodes that every covered page load would pay
 * for), not a notice appearing: the watcher starts observing once the document is parsed,
 * and looks then only at its marked notices. Chat sites render their notices from script
 * after that, which the watcher sees as it happens.
 */
export function watchNotices(
  phrasesReady: Promise<SitePhrases | null>,
  onNotice: (verdict: Verdict) => void,
  batchDelayMs = BATCH_DELAY_MS,
  parsing: () => boolean = () => document.readyState === 'loading',
): () => void {
  let phrases: SitePhrases | null = null;
  const pending = new Set<Element>();
  const seen = new WeakSet<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    if (!phrases) return; // Keep collecting until the site's wording arrives.
    const active = phrases;
    for (const element of pending) {
      if (seen.has(element) || !element.isConnected) continue;
      // Counted, not read: a text node added to <body> or a long answer puts that whole
      // element in the batch, and its text would be the whole conversation.
      if (element.getElementsByTagName('*').length > MAX_NOTICE_ELEMENTS) continue;
      const text = element.textContent ?? '';
      if (text.length > NOTICE_MAX_CHARS || text.trim().length < 5) continue;
      if (isUserInput(element)) continue;
      const verdict = classifyNoticeText(text.replace(/\s+/g, ' ').trim(), active);
      if (verdict.kind === 'ignore') continue;
      seen.add(element);
      onNotice(verdict);
      break; // One notice per batch is plenty: the rest is the same episode.
    }
    pending.clear();
  };

  const collect = (element: Element) => {
    pending.add(element);
    if (pending.size > MAX_BATCH) pending.delete(pending.values().next().value as Element);
  };
  const schedule = () => {
    if (pending.size > 0 && timer === null) timer = setTimeout(flush, batchDelayMs);
  };
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const added = mutation.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i] as Node;
        // A text node's element is the mutation's target: no lookup through the node.
        const element = node.nodeType === 1 ? node : mutation.target;
        if (element.nodeType === 1) collect(element as Element);
      }
    }
    schedule();
  });
  // Observed from the moment the document is parsed: the parser's insertions are not
  // notices, and observing them would cost every page load a record for each node.
  const parsed = () => {
    for (const element of document.querySelectorAll(MARKED_NOTICES)) collect(element);
    observer.observe(document, { childList: true, subtree: true });
    schedule();
  };
  if (parsing()) document.addEventListener('DOMContentLoaded', parsed, { once: true });
  else parsed();
  const stop = () => {
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', parsed);
    pending.clear();
  };
  void phrasesReady.then((ready) => {
    if (!ready) return stop(); // Not a covered page (or turned off): nothing to watch.
    phrases = ready;
    schedule();
  });
  return stop;
}

const USER_INPUT =
  'textarea, input, [contenteditable=""], [contenteditable="true"], gateway-guard-panel';

/** The user's own typing is never a notice, whatever it says (nor is our own panel). */
function isUserInput(element: Element): boolean {
  return element.closest(USER_INPUT) !== null || element.querySelector(USER_INPUT) !== null;
}
