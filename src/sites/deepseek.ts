import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const deepseek: SiteAdapter = {
  id: 'deepseek',
  name: 'DeepSeek',
  hosts: ['chat.deepseek.com'],
  chatRequests: [{ path: /^\/api\/v0\/chat\/(completion|regenerate)$/, method: 'POST' }],
  status: {
    kind: 'rss',
    page: 'https://status.deepseek.com',
    url: 'https://status.deepseek.com/feed.rss',
    options: { recentHours: 6 },
    confidence: 'low',
  },
  composer: ['textarea#chat-input', 'textarea'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'server busy', 'server is busy', '服务器繁忙'],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
