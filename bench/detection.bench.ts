/**
 * `npm run bench`: what detection costs, printed as operations per second and ratios.
 * Nothing here is enforced; tests enforce sizes and counts, not timings.
 */
import { bench, describe } from 'vitest';
import { classifyNoticeText, classifyResponse } from '~/shared/classify.ts';
import { type Incident, type IncidentEvent, nextIncident } from '~/shared/incident.ts';
import { chatgpt } from '~/sites/chatgpt.ts';
import { BUILT_IN_SITES, isChatRequest } from '~/sites/index.ts';

const notice =
  'Something went wrong. If this issue persists please contact us through our help center.';
const answer = 'When your app shows "a network error", check the proxy first. '.repeat(20);

describe('classifying one signal', () => {
  bench('a response status', () => {
    classifyResponse(502, { server: 'cloudflare' });
  });
  bench('a chat request URL', () => {
    const url = 'https://chatgpt.com/backend-api/f/conversation';
    const site = BUILT_IN_SITES.forRequest(url);
    if (site) isChatRequest(site, 'POST', url);
  });
  bench('a short notice (the site’s error)', () => {
    classifyNoticeText(notice, chatgpt.phrases);
  });
  bench('a long streamed answer (skipped by length)', () => {
    classifyNoticeText(answer, chatgpt.phrases);
  });
});

describe('a storm of 300 failing chat requests', () => {
  const failure: IncidentEvent = {
    type: 'failure',
    siteId: 'chatgpt',
    url: 'https://chatgpt.com/c/1',
    verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
    surface: 'compact',
  };
  bench('folded into one incident', () => {
    let incident: Incident | null = null;
    for (let i = 0; i < 300; i++) incident = nextIncident(incident, failure, i);
  });
});
