import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const copilot: SiteAdapter = {
  id: 'copilot',
  name: 'Microsoft Copilot',
  hosts: ['copilot.microsoft.com'],
  chatRequests: [
    { path: /^\/c\/api\/(conversations|start)(\/|$)/, method: 'POST' },
    // The chat itself runs over a WebSocket; its handshake is a GET.
    { path: /^\/c\/api\/chat$/ },
  ],
  // No public status page for the consumer Copilot.
  status: null,
  closestStatus: {
    name: 'Microsoft 365 Status',
    url: 'https://status.cloud.microsoft/',
    covers: 'statusClosestCoversMicrosoft365',
  },
  composer: ['textarea#userInput', 'textarea'],
  phrases: {
    outage: [...GENERIC_OUTAGE_PHRASES, 'sorry, i had trouble', 'copilot is unavailable'],
    network: [...GENERIC_NETWORK_PHRASES, 'reconnecting'],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
