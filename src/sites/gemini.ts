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
  status: { page: 'https://www.google.com/appsstatus/dashboard/', source: 'google-apps' },
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
  examples: {
    chatRequests: [
      'POST https://gemini.google.com/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate',
      'POST https://gemini.google.com/u/1/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate',
    ],
    otherRequests: [
      'POST https://gemini.google.com/_/BardChatUi/data/batchexecute',
      'POST https://gemini.google.com/_/BardChatUi/jserror',
      'GET https://gemini.google.com/app',
    ],
    outageText: [
      'Sorry, something went wrong. Please try your request again.',
      'I encountered an error doing what you asked. Could you try again?',
    ],
    notOutageText: ["You've reached your limit for today. Upgrade to Gemini Advanced"],
  },
};
