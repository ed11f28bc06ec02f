import {
  GENERIC_NETWORK_PHRASES,
  GENERIC_OUTAGE_PHRASES,
  NOT_OUTAGE_PHRASES,
} from './common-phrases.ts';
import type { SiteAdapter } from './types.ts';

export const chatgpt: SiteAdapter = {
  id: 'chatgpt',
  name: 'ChatGPT',
  // chat.openai.com still serves old links and bookmarks.
  hosts: ['chatgpt.com', 'chat.openai.com'],
  chatRequests: [
    // The conversation stream (SSE); /f/ is the 2025+ path, the bare one the older.
    { path: /^\/backend-api\/(f\/)?conversation\/?$/, method: 'POST' },
  ],
  status: {
    kind: 'incident.io',
    page: 'https://status.openai.com',
    url: 'https://status.openai.com/api/v2/summary.json',
    incidentsUrl: 'https://status.openai.com/api/v2/incidents.json',
    // "Conversations" is the chat itself; there is no component named "ChatGPT", and names
    // that contain it ("Codex in ChatGPT Desktop", "ChatGPT Atlas") are other products.
    options: { componentHint: ['Conversations'] },
    confidence: 'high',
  },
  composer: ['#prompt-textarea', 'form textarea', '[contenteditable="true"]'],
  retryControl: ['[data-testid="regenerate-button"]', 'button[aria-label="Retry"]'],
  phrases: {
    outage: [
      ...GENERIC_OUTAGE_PHRASES,
      'error in message stream',
      'error generating a response',
      'something seems to have gone wrong',
      'message delivery timed out',
      'server is overloaded',
      'at capacity',
    ],
    network: [...GENERIC_NETWORK_PHRASES],
    notOutage: NOT_OUTAGE_PHRASES,
  },
};
