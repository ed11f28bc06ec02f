/**
 * Everything Gateway Guard knows about one chat site, as data. Logic elsewhere is shared;
 * adding a site means one new adapter file and one line in `index.ts`.
 */
export interface SiteAdapter {
  /** Stable id, used in settings and storage. */
  id: string;
  /** The product's name as users know it. */
  name: string;
  /** Hostnames the chat app is served from (exact names, no wildcards). */
  hosts: readonly string[];
  /** The public status page users can open. */
  statusPage: string | null;
}
