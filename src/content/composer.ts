/**
 * Finding the site's message composer with the adapter's selectors (most specific first).
 * Part of the always-loaded bootstrap: it decides whether a keystroke is draft material.
 */

/** The first element a selector (most specific first) finds that the user can type in. */
export function findComposer(selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    const element = document.querySelector<HTMLElement>(selector);
    if (element && isEditable(element)) return element;
  }
  return null;
}

function isEditable(element: HTMLElement): boolean {
  if (element instanceof HTMLTextAreaElement) return true;
  const flag = element.getAttribute('contenteditable');
  return flag === '' || flag === 'true' || flag === 'plaintext-only';
}

/** The event happened in the composer (and so never in any other field of the page). */
export function isComposerEvent(selectors: readonly string[], event: Event): boolean {
  const composer = findComposer(selectors);
  return composer !== null && event.target instanceof Node && composer.contains(event.target);
}
