/**
 * Where a draft is kept: one storage key per site and page. Apart from the rest of the
 * draft store because the always-loaded content bootstrap needs only this much.
 */

/** Every draft lives under a key with this prefix, so all of them can be found and wiped. */
export const DRAFT_PREFIX = 'draft:';

/**
 * The key of the draft for a page (`draft:chatgpt /c/123`): site id and path, without query
 * or hash (model choices and anchors, not another conversation) or a trailing slash.
 */
export function draftKey(siteId: string, url: string): string {
  let path = '/';
  try {
    path = new URL(url).pathname.replace(/\/+$/, '') || '/';
  } catch {
    // Not a URL: the site's root is the best guess.
  }
  return `${DRAFT_PREFIX}${siteId} ${path}`;
}

/** The prefix of every key of one site's drafts. */
export function siteDraftPrefix(siteId: string): string {
  return `${DRAFT_PREFIX}${siteId} `;
}
