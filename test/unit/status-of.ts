import { type SiteStatusSource, statusSourceOf } from '~/shared/status/sources.ts';
import { BUILT_IN_SITES } from '~/sites/index.ts';

/** A built-in site's status source, as its adapter holds it (tests only). */
export function statusOf(siteId: string): SiteStatusSource {
  const site = BUILT_IN_SITES.byId(siteId);
  if (!site) throw new Error(`No built-in site ${siteId}`);
  return statusSourceOf(site);
}
