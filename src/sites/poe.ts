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
  status: {
    kind: 'statuspage',
    page: 'https://status.poe.com',
    url: 'https://status.poe.com/api/v2/status.json',
    incidentsUrl: 'https://status.poe.com/api/v2/incidents.json',
    // Status addresses have pointed at another product's page before: check the name.
    options: { pageName: ['Poe'] },
    confidence: 'medium',
  },
  composer: ['textarea[class*="GrowingTextArea"]', 'textarea'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'is not available right now', 'bot is down'],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: [...NOT_OUTAGE_PHRASES, 'out of compute points', 'daily points'],
  },
};
