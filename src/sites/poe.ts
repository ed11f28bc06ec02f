import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const poe: SiteAdapter = {
  id: 'poe',
  name: 'Poe',
  hosts: ['poe.com'],
  // Everything goes through one GraphQL endpoint; sending a message is a POST to it.
  chatRequests: [{ path: /^\/api\/gql_POST$/, method: 'POST' }],
  status: { page: 'https://status.poe.com', source: 'statuspage' },
  composer: ['textarea[class*="GrowingTextArea"]', 'textarea'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'is not available right now', 'bot is down'],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: [...NOT_OUTAGE_PHRASES, 'out of compute points', 'daily points'],
  },
  examples: {
    chatRequests: ['POST https://poe.com/api/gql_POST'],
    otherRequests: ['GET https://poe.com/api/settings', 'POST https://poe.com/api/receive_POST'],
    outageText: ['Something went wrong. Please try again.'],
    notOutageText: ['You are out of compute points.'],
  },
};
