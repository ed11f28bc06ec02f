import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const gemini: SiteAdapter = {
  id: 'gemini',
  name: 'Gemini',
  hosts: ['gemini.google.com'],
  chatRequests: [
    {
      path: /^(\/u\/\d+)?\/_\/BardChatUi\/data\/assistant\.lamda\.BardFrontendService\/StreamGenerate$/,
      method: 'POST',
    },
  ],
  // Gemini has no status page of its own; Google's Workspace dashboard lists its incidents.
  status: {
    kind: 'google-apps',
    page: 'https://www.google.com/appsstatus/dashboard/',
    url: 'https://www.google.com/appsstatus/dashboard/incidents.json',
    // Google Workspace's dashboard lists Gemini for Workspace, which may not cover every
    // problem of the Gemini app: no listed incident is never read as "operational".
    options: { product: 'Gemini', absenceMeansOperational: false },
    // The list is incident history for every Workspace product.
    maxBytes: 2 * 1024 * 1024,
    confidence: 'medium',
  },
  composer: ['rich-textarea .ql-editor', 'div[contenteditable="true"][role="textbox"]'],
  phrases: {
    outage: [
      ...GENERIC_OUTAGE_PHRASES,
      'i encountered an error doing what you asked',
      'something went wrong on our end',
    ],
    network: [
      ...GENERIC_NETWORK_PHRASES,
      'check your connection',
      'you are offline',
      "you're offline",
    ],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
