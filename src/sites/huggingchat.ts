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
  status: {
    kind: 'betterstack',
    page: 'https://status.huggingface.co',
    url: 'https://status.huggingface.co/index.json',
    // None of the page's resources is HuggingChat: the page's aggregate state stands.
    options: { componentHint: [] },
    confidence: 'medium',
  },
  composer: ['textarea'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'model is overloaded', 'server error'],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
