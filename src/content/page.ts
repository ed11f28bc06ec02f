/** Small readings of the current document, for the content script's bootstrap. */

/**
 * The HTTP status this document was served with, read from the page itself so it never
 * depends on a message that could arrive before the script listens. Null when unknown.
 */
export function documentStatus(): number | null {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const status = entry?.responseStatus;
  return typeof status === 'number' && status > 0 ? status : null;
}

export function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}

/** An error response with no body (Firefox shows it as a blank page). */
export function pageLooksEmpty(): boolean {
  const body = document.body;
  return !body || (body.children.length === 0 && (body.textContent ?? '').trim() === '');
}

/** What the classifier needs of an error document: its title and the start of its text. */
export function readErrorDocument(status: number) {
  return {
    status,
    title: document.title,
    text: (document.body?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 2000),
    cloudflare:
      document.querySelector('#cf-wrapper, #cf-error-details, .cf-error-details') !== null,
  };
}
