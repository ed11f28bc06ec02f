import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const claude: SiteAdapter = {
  id: 'claude',
  name: 'Claude',
  hosts: ['claude.ai'],
  chatRequests: [
    {
      path: /^\/api\/organizations\/[^/]+\/chat_conversations\/[^/]+\/(completion|retry_completion)$/,
      method: 'POST',
    },
  ],
  status: {
    kind: 'statuspage',
    page: 'https://status.claude.com',
    url: 'https://status.claude.com/api/v2/summary.json',
    options: { componentHint: ['claude.ai'] },
    confidence: 'high',
  },
  composer: ['div[contenteditable="true"].ProseMirror', '[contenteditable="true"]'],
  retryControl: ['button[data-testid="action-bar-retry"]'],
  phrases: {
    outage: [
      ...GENERIC_OUTAGE_PHRASES,
      'unexpected capacity constraints',
      'claude will return soon',
      'claude is unable to respond',
      'overloaded',
    ],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
