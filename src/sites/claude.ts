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
  status: { page: 'https://status.claude.com', source: 'statuspage' },
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
  examples: {
    chatRequests: [
      'POST https://claude.ai/api/organizations/3f1c-aa/chat_conversations/9d2e-bb/completion',
      'POST https://claude.ai/api/organizations/3f1c-aa/chat_conversations/9d2e-bb/retry_completion',
    ],
    otherRequests: [
      'GET https://claude.ai/api/organizations/3f1c-aa/chat_conversations/9d2e-bb',
      'POST https://claude.ai/api/event_logging/batch',
      'GET https://claude.ai/api/bootstrap',
      'GET https://claude.ai/api/organizations/3f1c-aa/chat_conversations/9d2e-bb/completion',
    ],
    outageText: [
      'Due to unexpected capacity constraints, Claude is unable to respond to your message. Please try again soon.',
      'Claude will return soon',
    ],
    notOutageText: [
      'You are out of free messages until 5 PM',
      "You've reached your usage limit.",
      'Your message is too long. Please shorten it.',
    ],
  },
};
