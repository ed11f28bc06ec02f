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
  status: { page: 'https://status.openai.com', source: 'incident.io' },
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
  examples: {
    chatRequests: [
      'POST https://chatgpt.com/backend-api/f/conversation',
      'POST https://chatgpt.com/backend-api/conversation',
      'POST https://chat.openai.com/backend-api/conversation',
    ],
    otherRequests: [
      'GET https://chatgpt.com/backend-api/conversations?offset=0&limit=28',
      'POST https://chatgpt.com/backend-api/conversation/init',
      'GET https://chatgpt.com/backend-api/me',
      'POST https://chatgpt.com/ces/v1/t',
      'POST https://chatgpt.com/backend-api/lat/r',
      'GET https://chatgpt.com/backend-api/f/conversation',
    ],
    outageText: [
      'Something went wrong. If this issue persists please contact us through our help center at help.openai.com.',
      'A network error occurred. Please check your connection and try again.',
      'Error in message stream',
      'Hmm...something seems to have gone wrong.',
    ],
    notOutageText: [
      "You've reached our limit of messages per hour. Please try again later.",
      'Too many requests in 1 hour. Try again later.',
      'This content may violate our usage policies.',
      'Something went wrong. Please log in again.',
    ],
  },
};
