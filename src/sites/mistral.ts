import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const mistral: SiteAdapter = {
  id: 'mistral',
  name: 'Le Chat (Mistral)',
  hosts: ['chat.mistral.ai'],
  chatRequests: [{ path: /^\/api\/chat$/, method: 'POST' }],
  // A Checkly page with its data embedded in HTML: a link, not a machine-readable source.
  status: { kind: 'link', page: 'https://status.mistral.ai' },
  composer: ['textarea', '[contenteditable="true"]'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
