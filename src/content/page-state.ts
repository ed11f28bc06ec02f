/**
 * The state the bootstrap and the page UI share in one page: the page's draft rescue and
 * the tab's incident as last heard. It lives in one object of this content-script world,
 * not in either file's module scope (the page UI is a separate file, injected when needed).
 */
import type { Incident } from '~/shared/incident.ts';

/** The page's draft rescue, as the panel's fixes see it. */
export interface DraftRescue {
  /** Saves the composer's current text at once (before a reload or clearing data). */
  saveNow(): Promise<void>;
  /** Stops listening (a page's rescue otherwise lives as long as the page). */
  stop(): void;
}

export interface PageState {
  rescue: DraftRescue | null;
  latest: Incident | null;
}

const STATE_KEY = '__gatewayGuardPageState';
const world = globalThis as { [STATE_KEY]?: PageState };

export function pageState(): PageState {
  world[STATE_KEY] ??= { rescue: null, latest: null };
  return world[STATE_KEY];
}

/** The page's draft rescue, for the panel's fixes that reload or clear data. */
export function activeDraftRescue(): DraftRescue | null {
  return pageState().rescue;
}

/** The tab's incident as last heard from the background (for the support report). */
export function latestIncident(): Incident | null {
  return pageState().latest;
}
