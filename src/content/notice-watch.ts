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
 * Watches for the site's own error notices. While an answer streams in, the page mutates
 * hundreds of times a second, so each batch only looks at the elements that were added
 * (never the whole document), skips anything long, and runs at most every 150 ms.
 */
export function watchNotices(
  phrasesReady: Promise<SitePhrases | null>,
  onNotice: (verdict: Verdict) => void,
  batchDelayMs = BATCH_DELAY_MS,
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
      if (element.childElementCount > MAX_NOTICE_ELEMENTS) continue;
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

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        const element = node instanceof Element ? node : node.parentElement;
        if (element) pending.add(element);
      }
    }
    if (pending.size > 0 && timer === null) timer = setTimeout(flush, batchDelayMs);
  });
  // Observe from the very start, so a notice shown before the background answered is
  // not missed; judge what was collected once the site's wording is known.
  observer.observe(document, { childList: true, subtree: true });
  void phrasesReady.then((ready) => {
    if (!ready) {
      observer.disconnect();
      pending.clear();
      return;
    }
    phrases = ready;
    if (pending.size > 0 && timer === null) timer = setTimeout(flush, batchDelayMs);
  });
  return () => observer.disconnect();
}

const USER_INPUT =
  'textarea, input, [contenteditable=""], [contenteditable="true"], gateway-guard-panel';

/** The user's own typing is never a notice, whatever it says (nor is our own panel). */
function isUserInput(element: Element): boolean {
  return element.closest(USER_INPUT) !== null || element.querySelector(USER_INPUT) !== null;
}
