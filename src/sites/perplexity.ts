import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const perplexity: SiteAdapter = {
  id: 'perplexity',
  name: 'Perplexity',
  hosts: ['www.perplexity.ai', 'perplexity.ai'],
  chatRequests: [{ path: /^\/rest\/sse\/perplexity_ask$/, method: 'POST' }],
  status: {
    kind: 'incident.io',
    page: 'https://status.perplexity.com',
    url: 'https://status.perplexity.com/api/v2/summary.json',
    incidentsUrl: 'https://status.perplexity.com/api/v2/incidents.json',
    // No documented name for the chat's component: the page's overall indicator stands.
    options: { componentHint: [] },
    confidence: 'medium',
  },
  composer: ['#ask-input', 'textarea', '[contenteditable="true"]'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'internal error'],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
