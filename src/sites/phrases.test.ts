/**
 * Each site's notice phrases against realistic variants of what the site shows: other
 * casing, punctuation and spacing, extra words around the message, curly apostrophes and
 * ellipses, raw fetch errors, and the site's other languages where it serves them. Refusals
 * (limits, caps, policy, sign-in, a missing conversation) never read as outages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyNoticeText } from '~/shared/classify.ts';
import { BUILT_IN_SITES, SITES } from './index.ts';

/** Every site gets the raw fetch failures, as browsers word them. */
const FETCH_FAILURES = [
  'NetworkError when attempting to fetch resource.',
  'TypeError: NetworkError when attempting to fetch resource.',
  'Failed to fetch',
  'Network Error',
];

const OUTAGES: Record<string, string[]> = {
  chatgpt: [
    'Something went wrong while generating the response. If this issue persists please contact us through our help center at help.openai.com.',
    'An error occurred. Either the engine you requested does not exist or there was another issue processing your request. If this issue persists please contact us through our help center at help.openai.com.',
    'Hmm…something seems to have gone wrong.',
    'SOMETHING WENT WRONG!!',
    'something   went\nwrong — please try again',
    'ChatGPT is at capacity right now',
    'The server is overloaded or not ready yet.',
    'Error in message stream',
    'Message delivery timed out. Please try again.',
    'There was an error generating a response',
    'Etwas ist schiefgelaufen. Wenn das Problem weiterhin besteht, kontaktiere uns über unser Hilfe-Center.',
    'Ein Fehler ist aufgetreten.',
    'Une erreur s’est produite. Si le problème persiste, contactez-nous.',
    'Algo salió mal. Si el problema persiste, contáctanos.',
    '問題が発生しました。問題が解決しない場合は、ヘルプセンターからお問い合わせください。',
    '出错了。如果此问题仍然存在，请通过帮助中心联系我们。',
    'Connection interrupted. Waiting for the complete answer.',
  ],
  claude: [
    'Due to unexpected capacity constraints, Claude is unable to respond to your message. Please try again soon.',
    'Due to unexpected  capacity constraints Claude is unable to respond to your message',
    'Overloaded',
    'Error: overloaded_error',
    'Claude will return soon',
    'Internal Server Error',
    'An error occurred while processing your request.',
  ],
  gemini: [
    'Sorry, something went wrong. Please try your request again.',
    'Something went wrong (13)',
    'I encountered an error doing what you asked. Could you try again?',
    'Check your connection and try again.',
    'You’re offline. Check your connection.',
    'Etwas ist schiefgelaufen.',
    'Un problème est survenu.',
    '問題が発生しました',
  ],
  copilot: [
    'Sorry, something went wrong. Please try again.',
    'Sorry, I had trouble responding to that. Please try again.',
    'Reconnecting…',
    'Leider ist ein Fehler aufgetreten.',
    'Se produjo un error. Vuelve a intentarlo.',
  ],
  perplexity: [
    'Something went wrong. Please try again later.',
    'An internal error occurred.',
    'Internal Error',
  ],
  mistral: [
    'An error occurred while generating the response.',
    'Une erreur est survenue. Veuillez réessayer.',
    'Internal server error',
    'Erreur réseau',
  ],
  deepseek: [
    'Server busy, please try again later.',
    'The server is busy. Please try again later.',
    'SERVER BUSY',
    '服务器繁忙，请稍后再试。',
    '服务器繁忙,请稍后再试',
    '网络错误，请稍后重试',
  ],
  poe: [
    'Something went wrong. Please try again.',
    'Claude-3-Opus is not available right now.',
    'The bot is down. Try another bot.',
  ],
  grok: [
    'Something went wrong, please refresh to reconnect or try again.',
    'Grok is unavailable right now.',
    'An error occurred.',
  ],
  characterai: [
    'Something went wrong. Our servers are busy, please try again.',
    'We are experiencing high traffic right now.',
    'Reconnecting...',
  ],
  huggingchat: [
    'Model is overloaded, please try again later.',
    'Server error',
    'Something went wrong',
  ],
  metaai: [
    'Sorry, I couldn’t generate a response. Please try again.',
    "Sorry, I couldn't generate a response.",
    'Something went wrong. Please try again later.',
    'Check your connection and try again',
    'Algo salió mal.',
  ],
};

/** Not outages, even when they come with "something went wrong" or a network word. */
const REFUSALS: Record<string, string[]> = {
  chatgpt: [
    "You've reached our limit of messages per hour. Please try again later.",
    'You’ve hit your limit. Please try again later.',
    'Too many requests in 1 hour. Try again later.',
    'Something went wrong. Too-Many-Requests.',
    'This content may violate our usage policies.',
    'Conversation not found',
    'Something went wrong. Conversation not found.',
    'Something went wrong. Please log in again.',
    'Zu viele Anfragen. Etwas ist schiefgelaufen.',
    '出错了：请求过于频繁，请稍后再试。',
  ],
  claude: [
    'You are out of free messages until 5 PM',
    'Message limit reached for Claude Opus.',
    'Your message is too long. Please shorten it.',
    'An error occurred: rate limited. Please wait.',
  ],
  gemini: [
    "You've reached your limit for today. Upgrade to Gemini Advanced",
    'Something went wrong. Sign in to continue.',
  ],
  copilot: [
    "You've reached the limit of messages for this conversation.",
    'Sorry, something went wrong: too many requests.',
  ],
  perplexity: [
    'You have reached your Pro search limit.',
    'Something went wrong. Rate limit exceeded.',
  ],
  mistral: [
    'Rate limit exceeded. Please wait a moment.',
    'Une erreur est survenue : trop de requêtes.',
  ],
  deepseek: ['Too many requests, please slow down.', '服务器繁忙：请求过于频繁，请稍后再试。'],
  poe: ['You are out of compute points.', 'Something went wrong: daily points exhausted.'],
  grok: [
    "You've reached your limit of 15 Grok questions per 2 hours for now.",
    'Something went wrong. Upgrade to SuperGrok for more.',
  ],
  characterai: ['Please log in to continue chatting.', 'Something went wrong. Session expired.'],
  huggingchat: ['You are sending too many messages. Rate limit reached.'],
  metaai: [
    'Log in to continue using Meta AI.',
    'Something went wrong. This request violates our policies.',
  ],
};

/** Short texts that are the conversation, not a notice. */
const ORDINARY = [
  'How can I help you today?',
  'Things went well.',
  'Open the catalog in the store.',
  'The network is fine now.',
  'Regenerate',
];

describe.each(Object.keys(OUTAGES))('notice phrases of %s', (siteId) => {
  const site = BUILT_IN_SITES.byId(siteId);
  if (!site) throw new Error(siteId);

  it.each(OUTAGES[siteId] ?? [])('reads as an outage: %s', (text) => {
    expect(classifyNoticeText(text, site.phrases).kind).toBe('outage');
  });

  it.each(FETCH_FAILURES)('reads a raw fetch failure as a network outage: %s', (text) => {
    expect(classifyNoticeText(text, site.phrases)).toEqual({
      kind: 'outage',
      failure: { kind: 'network', network: 'other', raw: 'page-notice' },
    });
  });

  it.each(REFUSALS[siteId] ?? [])('never reads a refusal as an outage: %s', (text) => {
    expect(classifyNoticeText(text, site.phrases).kind).not.toBe('outage');
  });

  it.each(ORDINARY)('ignores ordinary text: %s', (text) => {
    expect(classifyNoticeText(text, site.phrases).kind).toBe('ignore');
  });
});

describe('the variant tables', () => {
  it('cover all twelve sites', () => {
    expect(Object.keys(OUTAGES)).toHaveLength(12);
    expect(Object.keys(REFUSALS).sort()).toEqual(Object.keys(OUTAGES).sort());
  });
});

describe('any text', () => {
  it('never throws, and with refusal wording is never an outage', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SITES),
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.constantFrom('Rate limit exceeded.', 'Conversation not found', 'Please log in.'),
        (site, text, refusal) => {
          expect(() => classifyNoticeText(text, site.phrases)).not.toThrow();
          const verdict = classifyNoticeText(
            `Something went wrong. ${text} ${refusal}`,
            site.phrases,
          );
          expect(verdict.kind).not.toBe('outage');
        },
      ),
      { numRuns: 300 },
    );
  });
});
