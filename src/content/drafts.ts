import type { SiteView } from '~/shared/messages.ts';

/**
 * Draft rescue: keeps the composer's text safe through reloads, the recovery page and data
 * clearing. (Being built: see issue 4, item 7.)
 */
export interface DraftRescue {
  /** Saves the composer's current text at once (before a reload or clearing data). */
  saveNow(): Promise<void>;
}

let active: DraftRescue | null = null;

/** The page's draft rescue, for the panel's fixes that reload or clear data. */
export function activeDraftRescue(): DraftRescue | null {
  return active;
}

export function startDraftRescue(_site: SiteView): DraftRescue {
  active = { saveNow: async () => undefined };
  return active;
}
