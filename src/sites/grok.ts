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
  status: {
    kind: 'rss',
    page: 'https://status.x.ai',
    url: 'https://status.x.ai/feed.xml',
    options: { recentHours: 6 },
    confidence: 'medium',
  },
  composer: ['textarea[aria-label]', 'textarea', '[contenteditable="true"]'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'grok is unavailable'],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
