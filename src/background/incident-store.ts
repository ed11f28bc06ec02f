import { browser } from '~/shared/browser.ts';
import { type Incident, type IncidentEvent, nextIncident } from '~/shared/incident.ts';

/**
 * Incidents per tab, in session storage so they survive the worker being stopped. Updates
 * of a tab run one after another (a storm of failures must not lose counts), and writes
 * coalesce: at most one in flight per tab, the latest value always written last.
 */
const cache = new Map<number, Incident | null>();
const queues = new Map<number, Promise<unknown>>();
const writing = new Set<number>();
const pendingWrite = new Set<number>();

const key = (tabId: number) => `incident:${tabId}`;

async function load(tabId: number): Promise<Incident | null> {
  if (cache.has(tabId)) return cache.get(tabId) ?? null;
  const stored = await browser.storage.session.get(key(tabId)).catch(() => ({}));
  const incident =
    ((stored as Record<string, unknown>)[key(tabId)] as Incident | undefined) ?? null;
  cache.set(tabId, incident);
  return incident;
}

export function getIncident(tabId: number): Promise<Incident | null> {
  return enqueue(tabId, () => load(tabId));
}

export interface Change {
  before: Incident | null;
  after: Incident | null;
}

export function updateIncident(tabId: number, event: IncidentEvent): Promise<Change> {
  return enqueue(tabId, async () => {
    const before = await load(tabId);
    const after = nextIncident(before, event, Date.now());
    if (after !== before) {
      cache.set(tabId, after);
      void write(tabId);
    }
    return { before, after };
  });
}

export function dropTab(tabId: number): void {
  cache.set(tabId, null);
  void write(tabId).then(() => cache.delete(tabId));
}

function enqueue<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(task, task);
  queues.set(
    tabId,
    run.catch(() => undefined),
  );
  return run;
}

async function write(tabId: number): Promise<void> {
  if (writing.has(tabId)) {
    pendingWrite.add(tabId);
    return;
  }
  writing.add(tabId);
  try {
    do {
      pendingWrite.delete(tabId);
      const incident = cache.get(tabId) ?? null;
      await (incident
        ? browser.storage.session.set({ [key(tabId)]: incident })
        : browser.storage.session.remove(key(tabId))
      ).catch(() => undefined);
    } while (pendingWrite.has(tabId));
  } finally {
    writing.delete(tabId);
  }
}

/** For tests: forget the in-memory copy, as a restarted worker would. */
export function forgetCache(): void {
  cache.clear();
  queues.clear();
}
