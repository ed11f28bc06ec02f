import { findComposer } from './composer.ts';

const CHECK_EVERY_MS = 100;

/**
 * Resolves with the composer once the site has rendered it, or null after `timeoutMs`.
 * Apps render it late; while they do, the page mutates constantly, so the selectors are
 * tried at most every 100 ms, never per mutation, and never over the document's text.
 */
export function waitForComposer(
  selectors: readonly string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<HTMLElement | null> {
  const now = findComposer(selectors);
  if (now || signal?.aborted) return Promise.resolve(now);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = (found: HTMLElement | null) => {
      observer.disconnect();
      clearTimeout(deadline);
      if (timer !== null) clearTimeout(timer);
      resolve(found);
    };
    const check = () => {
      timer = null;
      const found = findComposer(selectors);
      if (found) finish(found);
    };
    const observer = new MutationObserver(() => {
      timer ??= setTimeout(check, CHECK_EVERY_MS);
    });
    const deadline = setTimeout(() => finish(null), timeoutMs);
    signal?.addEventListener('abort', () => finish(null), { once: true });
    observer.observe(document, { childList: true, subtree: true });
  });
}
