/**
 * Saved drafts as plain data: what the composer held, per site and page. Pure functions
 * over a record, so the rules (expiry, size, count, which draft belongs to which page) are
 * tested without a browser; `storage.ts` applies the results to storage.
 */

import { DRAFT_PREFIX } from './key.ts';

export { DRAFT_PREFIX, draftKey, siteDraftPrefix } from './key.ts';

export interface Draft {
  /** The composer's text (at most `maxChars`). */
  text: string;
  /** Last time the user changed it (not when it was refilled): expiry counts from here. */
  savedAt: number;
  /**
   * Set when the text left the composer (sent, most likely) and the send is not known to
   * have succeeded. Only such a draft may follow the user to another page of the site.
   */
  sentAt?: number;
}

/** Drafts by key (`draft:chatgpt /c/123`): the same keys storage holds them under. */
export type Drafts = Readonly<Record<string, Draft>>;

export interface DraftLimits {
  maxAgeMs: number;
  /** Per draft; longer text keeps its start. */
  maxChars: number;
  /**
   * Per site: over this, that site's drafts saved longest ago go first. Per site, so one
   * page typing in many conversations never evicts another site's drafts.
   */
  maxPerSite: number;
}

export const DRAFT_LIMITS: DraftLimits = {
  maxAgeMs: 24 * 60 * 60 * 1000,
  maxChars: 20_000,
  maxPerSite: 20,
};

export function isDraftKey(key: string): boolean {
  return key.startsWith(DRAFT_PREFIX);
}

/** A stored value that really is a draft (storage may hold anything). */
export function isDraft(value: unknown): value is Draft {
  const v = value as Partial<Draft> | null;
  return typeof v?.text === 'string' && typeof v.savedAt === 'number';
}

/**
 * A page where a conversation starts (`/`, `/new`, `/app`, `/chat`): no segment that could
 * be a conversation's id. Sites move from here to the new conversation's own address while
 * the first message is being sent.
 */
export function isNewChatKey(key: string): boolean {
  const path = key.slice(key.indexOf(' ') + 1);
  return /^\/([a-z-]+)?$/i.test(path);
}

const siteOf = (key: string) => key.slice(0, key.indexOf(' '));

function isExpired(draft: Draft, now: number, limits: DraftLimits): boolean {
  return now - draft.savedAt > limits.maxAgeMs;
}

/** Without expired drafts, and at most `maxPerSite` of each site's (its newest). */
export function pruneDrafts(drafts: Drafts, now: number, limits = DRAFT_LIMITS): Drafts {
  const perSite = new Map<string, number>();
  const kept = Object.entries(drafts)
    .filter(([, draft]) => !isExpired(draft, now, limits))
    .sort(([ka, a], [kb, b]) => b.savedAt - a.savedAt || ka.localeCompare(kb))
    .filter(([key]) => {
      const site = siteOf(key);
      const count = (perSite.get(site) ?? 0) + 1;
      perSite.set(site, count);
      return count <= Math.max(0, limits.maxPerSite);
    });
  if (kept.length === Object.keys(drafts).length) return drafts;
  return Object.fromEntries(kept);
}

/** Saves `text` as the draft at `key` (blank text removes it), then prunes. */
export function putDraft(
  drafts: Drafts,
  key: string,
  text: string,
  now: number,
  options: { sentAt?: number; savedAt?: number } = {},
  limits = DRAFT_LIMITS,
): Drafts {
  if (text.trim() === '') return pruneDrafts(removeDraft(drafts, key), now, limits);
  const draft: Draft = { text: text.slice(0, limits.maxChars), savedAt: options.savedAt ?? now };
  if (options.sentAt !== undefined) draft.sentAt = options.sentAt;
  return pruneDrafts({ ...drafts, [key]: draft }, now, limits);
}

export function removeDraft(drafts: Drafts, key: string): Drafts {
  if (!(key in drafts)) return drafts;
  const { [key]: _removed, ...rest } = drafts;
  return rest;
}

/** The draft at `key`, or null when there is none or it expired. */
export function getDraft(
  drafts: Drafts,
  key: string,
  now: number,
  limits = DRAFT_LIMITS,
): Draft | null {
  const draft = drafts[key];
  return draft && !isExpired(draft, now, limits) ? draft : null;
}

/**
 * The draft to offer on the page at `key`: its own, else, on a new-chat page, the site's
 * newest message whose send did not succeed. That is the message a user lost when the
 * site moved from `/` to `/c/<id>` mid-send and then failed: whichever of the two pages
 * they come back to, they expect it there. An unsent draft of another conversation stays
 * with that conversation.
 */
export function findDraft(
  drafts: Drafts,
  key: string,
  now: number,
  limits = DRAFT_LIMITS,
): { key: string; draft: Draft } | null {
  const own = getDraft(drafts, key, now, limits);
  if (own) return { key, draft: own };
  if (!isNewChatKey(key)) return null;
  const site = siteOf(key);
  let best: { key: string; draft: Draft } | null = null;
  for (const [other, draft] of Object.entries(drafts)) {
    if (siteOf(other) !== site || draft.sentAt === undefined || isExpired(draft, now, limits)) {
      continue;
    }
    if (!best || draft.savedAt > best.draft.savedAt) best = { key: other, draft };
  }
  return best;
}

/** What turns `before` into `after` in storage: the keys to write and those to remove. */
export function draftChanges(
  before: Drafts,
  after: Drafts,
): { set: Record<string, Draft>; remove: string[] } {
  const set: Record<string, Draft> = {};
  for (const [key, draft] of Object.entries(after)) {
    if (before[key] !== draft) set[key] = draft;
  }
  return { set, remove: Object.keys(before).filter((key) => !(key in after)) };
}
