import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const huggingchat: SiteAdapter = {
  id: 'huggingchat',
  name: 'HuggingChat',
  hosts: ['huggingface.co'],
  // Only the chat app: the rest of huggingface.co (models, datasets, Spaces) is not ours.
  pathPrefix: '/chat',
  chatRequests: [{ path: /^\/chat\/conversation\/[^/]+\/?$/, method: 'POST' }],
  status: { page: 'https://status.huggingface.co', source: 'betterstack' },
  composer: ['textarea'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'model is overloaded', 'server error'],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
  examples: {
    chatRequests: ['POST https://huggingface.co/chat/conversation/66a1f0c2b3'],
    otherRequests: [
      'GET https://huggingface.co/chat/conversation/66a1f0c2b3/__data.json',
      'POST https://huggingface.co/api/models',
      'POST https://huggingface.co/chat/conversation',
    ],
    outageText: ['Model is overloaded, please try again later.'],
    notOutageText: ['You are sending too many messages. Rate limit reached.'],
  },
};
