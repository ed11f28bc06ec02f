import { NOT_OUTAGE_PHRASES } from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const perplexity: SiteAdapter = {
  id: 'perplexity',
  name: 'Perplexity',
  hosts: ['www.perplexity.ai', 'perplexity.ai'],
  chatRequests: [{ path: /^\/rest\/sse\/perplexity_ask$/, method: 'POST' }],
  status: { page: 'https://status.perplexity.com', source: 'incident.io' },
  composer: ['#ask-input', 'textarea', '[contenteditable="true"]'],
  phrases: {
    outage: ['something went wrong', 'an error occurred', 'internal error'],
    network: ['network error', 'connection lost'],
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
