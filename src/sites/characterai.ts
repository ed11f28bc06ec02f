import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const characterai: SiteAdapter = {
  id: 'characterai',
  name: 'Character.AI',
  hosts: ['character.ai'],
  // The app's REST and WebSocket traffic goes to a separate API host.
  apiHosts: ['neo.character.ai'],
  chatRequests: [
    { host: 'neo.character.ai', path: /^\/ws\/?$/ },
    { host: 'neo.character.ai', path: /^\/turns?\//, method: 'POST' },
    { host: 'neo.character.ai', path: /^\/chat\//, method: 'POST' },
  ],
  status: { page: 'https://status.character.ai', source: 'statuspage' },
  composer: ['textarea'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'servers are busy', 'we are experiencing'],
    network: [...GENERIC_NETWORK_PHRASES, 'reconnecting'],
    notOutage: NOT_OUTAGE_PHRASES,
  },
  examples: {
    chatRequests: [
      'GET https://neo.character.ai/ws/',
      'POST https://neo.character.ai/turns/123/',
      'POST https://neo.character.ai/chat/123/resurrect',
    ],
    otherRequests: [
      'GET https://neo.character.ai/recommendation/v1/user',
      'GET https://character.ai/api/trpc/user.settings',
      'GET https://neo.character.ai/chats/recent/',
    ],
    outageText: ['Something went wrong. Our servers are busy, please try again.'],
    notOutageText: ['Please log in to continue chatting.'],
  },
};
