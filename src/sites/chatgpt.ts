import type { SiteAdapter } from './types.ts';

export const chatgpt: SiteAdapter = {
  id: 'chatgpt',
  name: 'ChatGPT',
  // chat.openai.com still redirects old links and bookmarks to chatgpt.com.
  hosts: ['chatgpt.com', 'chat.openai.com'],
  statusPage: 'https://status.openai.com',
};
