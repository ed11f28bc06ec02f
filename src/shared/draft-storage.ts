/**
 * Drafts in browser.storage.local: on this device only, never synced or sent anywhere.
 * One key per draft (a save writes one small item, not every draft), all under one prefix.
 * Updates from one page run one after another, so a save and a delete never interleave.
 */
import { browser } from './browser.ts';
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
} from './draft-store.ts';

let queue: Promise<unknown> = Promise.resolve();
/** The limits in force: the defaults, with the user's retention once it is known. */
let limits: DraftLimits = DRAFT_LIMITS;

/** How long drafts are kept (the settings' "keep drafts for"); the other limits stay. */
export function setDraftRetention(maxAgeMs: number): void {
  if (Number.isFinite(maxAgeMs) && maxAgeMs > 0) limits = { ...DRAFT_LIMITS, maxAgeMs };
}

function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Every stored draft (other extension data in storage.local is left alone). */
async function load(): Promise<Drafts> {
  const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
  const drafts: Record<string, Draft> = {};
  for (const [key, value] of Object.entries(all)) {
    if (isDraftKey(key) && isDraft(value)) drafts[key] = value;
  }
  return drafts;
}

async function apply(before: Drafts, after: Drafts): Promise<void> {
  const { set, remove } = draftChanges(before, after);
  if (remove.length > 0) await browser.storage.local.remove(remove);
  if (Object.keys(set).length > 0) await browser.storage.local.set(set);
}

function update(change: (drafts: Drafts, now: number) => Drafts): Promise<void> {
  return serial(async () => {
    const before = await load();
    await apply(before, change(before, Date.now()));
  });
}

/** Saves the composer's text for `key` (blank text removes the draft). */
export function saveDraft(key: string, text: string, options?: { sentAt?: number }) {
  return update((drafts, now) => putDraft(drafts, key, text, now, options, limits));
}

/** Removes the draft at `key`; with `ifText`, only while it still holds that text. */
export function deleteDraft(key: string, ifText?: string): Promise<void> {
  return update((drafts) =>
    ifText === undefined || drafts[key]?.text === ifText ? removeDraft(drafts, key) : drafts,
  );
}

/**
 * Moves a draft to another page's key, keeping its age: back in a composer (no `sentAt`),
 * or following a message whose send failed after the site changed its address.
 */
export function moveDraft(from: string, to: string, options: { sentAt?: number } = {}) {
  return update((drafts, now) => {
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
  });
}

/** Drops expired drafts, then finds the one for the page at `key` (see findDraft). */
export function loadDraftFor(key: string): Promise<{ key: string; draft: Draft } | null> {
  return serial(async () => {
    const before = await load();
    const now = Date.now();
    await apply(before, pruneDrafts(before, now, limits));
    return findDraft(before, key, now, limits);
  });
}

/** Drops the drafts the limits in force no longer keep (after a shorter retention). */
export function pruneStoredDrafts(): Promise<void> {
  return update((drafts, now) => pruneDrafts(drafts, now, limits));
}

/** Deletes every draft (for the options page's "forget drafts"). */
export function wipeDrafts(): Promise<void> {
  return update(() => ({}));
}
