/**
 * Where drafts are kept, for the background only (content scripts ask it through messages
 * and get their own site's drafts, nothing else). Normal windows: `storage.local`, on this
 * device only, never synced or sent anywhere. Private windows: `storage.session`, in memory,
 * never on disk. One key per draft, all under one prefix; updates to one area run one after
 * another, so a save and a delete never interleave.
 */
import { browser } from '../browser.ts';
import {
  DRAFT_LIMITS,
  type Draft,
  type DraftLimits,
  type Drafts,
  draftChanges,
  findDraft,
  isDraft,
  isDraftKey,
  pruneDrafts,
  putDraft,
  removeDraft,
} from './rules.ts';

/** The part of a storage area drafts need. */
export interface DraftArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The limits in force: the defaults, with the user's retention once it is known. */
let limits: DraftLimits = DRAFT_LIMITS;

/** How long drafts are kept (the settings' "keep drafts for"); the other limits stay. */
export function setDraftRetention(maxAgeMs: number): void {
  if (Number.isFinite(maxAgeMs) && maxAgeMs > 0) limits = { ...DRAFT_LIMITS, maxAgeMs };
}

export interface DraftStorage {
  /** Saves the composer's text for `key` (blank text removes the draft). */
  saveDraft(key: string, text: string, options?: { sentAt?: number }): Promise<void>;
  /** Removes the draft at `key`; with `ifText`, only while it still holds that text. */
  deleteDraft(key: string, ifText?: string): Promise<void>;
  /**
   * Moves a draft to another page's key, keeping its age: back in a composer (no `sentAt`),
   * or following a message whose send failed after the site changed its address.
   */
  moveDraft(from: string, to: string, options?: { sentAt?: number }): Promise<void>;
  /** Drops expired drafts, then finds the one for the page at `key` (see findDraft). */
  loadDraftFor(key: string): Promise<{ key: string; draft: Draft } | null>;
  /** Drops the drafts the limits in force no longer keep. */
  pruneStoredDrafts(): Promise<void>;
  /** Deletes every draft. */
  wipeDrafts(): Promise<void>;
}

export function draftStorage(area: () => DraftArea): DraftStorage {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Every stored draft (other extension data in the area is left alone). */
  async function load(): Promise<Drafts> {
    const all = (await area().get(null)) ?? {};
    const drafts: Record<string, Draft> = {};
    for (const [key, value] of Object.entries(all)) {
      if (isDraftKey(key) && isDraft(value)) drafts[key] = value;
    }
    return drafts;
  }

  async function apply(before: Drafts, after: Drafts): Promise<void> {
    const { set, remove } = draftChanges(before, after);
    if (remove.length > 0) await area().remove(remove);
    if (Object.keys(set).length > 0) await area().set(set);
  }

  const update = (change: (drafts: Drafts, now: number) => Drafts): Promise<void> =>
    serial(async () => {
      const before = await load();
      await apply(before, change(before, Date.now()));
    });

  return {
    saveDraft: (key, text, options) =>
      update((drafts, now) => putDraft(drafts, key, text, now, options, limits)),
    deleteDraft: (key, ifText) =>
      update((drafts) =>
        ifText === undefined || drafts[key]?.text === ifText ? removeDraft(drafts, key) : drafts,
      ),
    moveDraft: (from, to, options = {}) =>
      update((drafts, now) => {
        const draft = drafts[from];
        if (!draft || (from === to && draft.sentAt === options.sentAt)) return drafts;
        return putDraft(
          removeDraft(drafts, from),
          to,
          draft.text,
          now,
          { ...options, savedAt: draft.savedAt },
          limits,
        );
      }),
    loadDraftFor: (key) =>
      serial(async () => {
        const before = await load();
        const now = Date.now();
        await apply(before, pruneDrafts(before, now, limits));
        return findDraft(before, key, now, limits);
      }),
    pruneStoredDrafts: () => update((drafts, now) => pruneDrafts(drafts, now, limits)),
    wipeDrafts: () => update(() => ({})),
  };
}

/** Drafts typed in normal windows: on this device's disk. */
export const localDrafts = draftStorage(() => browser.storage.local as DraftArea);
/** Drafts typed in private windows: in memory only, gone with the browser session. */
export const privateDrafts = draftStorage(() => browser.storage.session as DraftArea);

export const { saveDraft, deleteDraft, moveDraft, loadDraftFor, pruneStoredDrafts } = localDrafts;

/** Deletes every draft, normal and private (the options page's "forget drafts"). */
export async function wipeDrafts(): Promise<void> {
  await localDrafts.wipeDrafts();
  await privateDrafts.wipeDrafts();
}
