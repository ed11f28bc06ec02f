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
  status: {
    kind: 'statuspage',
    page: 'https://status.character.ai',
    url: 'https://status.character.ai/api/v2/summary.json',
    options: { componentHint: [] },
    confidence: 'medium',
  },
  composer: ['textarea'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'servers are busy', 'we are experiencing'],
    network: [...GENERIC_NETWORK_PHRASES, 'reconnecting'],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
