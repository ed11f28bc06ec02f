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
  status: { page: 'https://status.perplexity.com', source: 'incident.io' },
  composer: ['#ask-input', 'textarea', '[contenteditable="true"]'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'internal error'],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
  examples: {
    chatRequests: ['POST https://www.perplexity.ai/rest/sse/perplexity_ask'],
    otherRequests: [
      'GET https://www.perplexity.ai/rest/user/settings',
      'POST https://www.perplexity.ai/rest/event/analytics',
    ],
    outageText: ['Something went wrong. Please try again later.'],
    notOutageText: ['You have reached your Pro search limit.'],
  },
};
