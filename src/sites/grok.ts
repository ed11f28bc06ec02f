import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const grok: SiteAdapter = {
  id: 'grok',
  name: 'Grok',
  hosts: ['grok.com'],
  chatRequests: [
    // NDJSON streams: a new conversation, or a reply inside an existing one.
    { path: /^\/rest\/app-chat\/conversations\/(new|[^/]+\/responses)$/, method: 'POST' },
  ],
  status: { page: 'https://status.x.ai', source: 'rss' },
  composer: ['textarea[aria-label]', 'textarea', '[contenteditable="true"]'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'grok is unavailable'],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
  examples: {
    chatRequests: [
      'POST https://grok.com/rest/app-chat/conversations/new',
      'POST https://grok.com/rest/app-chat/conversations/7a1c-d2/responses',
    ],
    otherRequests: [
      'GET https://grok.com/rest/app-chat/conversations?pageSize=60',
      'POST https://grok.com/rest/rate-limits',
    ],
    outageText: ['Something went wrong, please refresh to reconnect or try again.'],
    notOutageText: ["You've reached your limit of 15 Grok questions per 2 hours for now."],
  },
};
