import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const metaai: SiteAdapter = {
  id: 'metaai',
  name: 'Meta AI',
  hosts: ['www.meta.ai', 'meta.ai'],
  chatRequests: [{ path: /^\/api\/graphql\/?$/, method: 'POST' }],
  // Meta publishes no status page for Meta AI.
  status: null,
  closestStatus: {
    name: 'Meta Status',
    url: 'https://metastatus.com/',
    covers: 'statusClosestCoversMeta',
  },
  composer: ['textarea', '[contenteditable="true"]'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, "couldn't generate a response"],
    network: [...GENERIC_NETWORK_PHRASES, 'check your connection'],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
