/**
 * ChatGPT as the background describes it to a page (`pageStarted`), for content tests: no
 * phrases and no status source unless a test gives them.
 */
import type { SiteView } from '~/shared/protocol/messages.ts';

export function chatgptView(over: Partial<SiteView> = {}): SiteView {
  return {
    id: 'chatgpt',
    name: 'ChatGPT',
    hosts: ['chatgpt.com'],
    phrases: { outage: [], network: [], notOutage: [] },
    retryControl: [],
    composer: ['#prompt-textarea'],
    statusPage: null,
    statusSource: { kind: 'none', closest: null },
    cookieScope: { by: 'domain', domains: ['chatgpt.com', 'openai.com'], wider: true },
    ...over,
  };
}
