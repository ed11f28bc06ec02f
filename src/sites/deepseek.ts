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
  status: { page: 'https://status.deepseek.com', source: 'rss' },
  composer: ['textarea#chat-input', 'textarea'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'server busy', 'server is busy', '服务器繁忙'],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
  examples: {
    chatRequests: [
      'POST https://chat.deepseek.com/api/v0/chat/completion',
      'POST https://chat.deepseek.com/api/v0/chat/regenerate',
    ],
    otherRequests: [
      'GET https://chat.deepseek.com/api/v0/users/current',
      'POST https://chat.deepseek.com/api/v0/chat/create_pow_challenge',
    ],
    outageText: ['Server busy, please try again later.', '服务器繁忙，请稍后再试。'],
    notOutageText: ['Too many requests, please slow down.'],
  },
};
