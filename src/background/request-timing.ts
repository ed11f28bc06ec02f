/**
 * When each watched request started (the browser's own `timeStamp`), so a failure can say
 * how long the request took: what a support desk would otherwise read in developer tools.
 * In memory and bounded: a request that never ends must not grow the map.
 */
const MAX_OPEN = 500;
const started = new Map<string, number>();

export function noteRequestStart(details: { requestId: string; timeStamp: number }): void {
  if (started.size >= MAX_OPEN) {
    const oldest = started.keys().next().value;
    if (oldest !== undefined) started.delete(oldest);
  }
  started.set(details.requestId, details.timeStamp);
}

/** Milliseconds from the request's start to this event; null when its start was not seen. */
export function requestTook(
  details: { requestId: string; timeStamp: number },
  { done = true } = {},
): number | null {
  const start = started.get(details.requestId);
  if (done) started.delete(details.requestId);
  if (start === undefined || !Number.isFinite(details.timeStamp)) return null;
  return Math.max(0, Math.round(details.timeStamp - start));
}
