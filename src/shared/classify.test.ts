import { describe, expect, it } from 'vitest';
import { chatgpt } from '~/sites/chatgpt.ts';
import { claude } from '~/sites/claude.ts';
import { deepseek } from '~/sites/deepseek.ts';
import { gemini } from '~/sites/gemini.ts';
import {
  classifyErrorDocument,
  classifyNetworkFailure,
  classifyNoticeText,
  classifyResponse,
  type ErrorDocument,
  refineByDocument,
} from './classify.ts';

describe('classifyResponse', () => {
  it.each([
    [500, {}, 'outage'],
    [502, {}, 'outage'],
    [503, {}, 'outage'],
    [504, {}, 'outage'],
    [520, { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6a7b-AMS' }, 'outage'],
    [522, { server: 'cloudflare' }, 'outage'],
    [527, {}, 'outage'],
    [529, {}, 'outage'],
    [503, { 'cf-mitigated': 'challenge' }, 'refusal'],
    [403, { 'cf-mitigated': 'challenge' }, 'refusal'],
    [403, { 'cf-mitigated': 'Challenge' }, 'refusal'],
    [429, {}, 'refusal'],
    [429, { 'retry-after': '30' }, 'refusal'],
    [200, {}, 'ignore'],
    [204, {}, 'ignore'],
    [301, {}, 'ignore'],
    [304, {}, 'ignore'],
    [400, {}, 'ignore'],
    [401, {}, 'ignore'],
    [403, {}, 'ignore'],
    [404, {}, 'ignore'],
    [409, {}, 'ignore'],
    [413, {}, 'ignore'],
    [501, {}, 'ignore'],
    [505, {}, 'ignore'],
    [511, {}, 'ignore'],
    [530, {}, 'ignore'],
    [0, {}, 'ignore'],
  ] as const)('%i %j is %s', (status, headers, kind) => {
    expect(classifyResponse(status, headers).kind).toBe(kind);
  });

  it('names the refusal', () => {
    expect(classifyResponse(429, {})).toEqual({
      kind: 'refusal',
      refusal: 'rate-limit',
      status: 429,
    });
    expect(classifyResponse(503, { 'cf-mitigated': 'challenge' })).toMatchObject({
      refusal: 'challenge',
    });
  });
});

describe('classifyNetworkFailure', () => {
  it('turns site failures into network outages and ignores the rest', () => {
    expect(classifyNetworkFailure('net::ERR_CONNECTION_RESET')).toMatchObject({
      kind: 'outage',
      failure: { kind: 'network', network: 'connection-reset' },
    });
    expect(classifyNetworkFailure('NS_ERROR_NET_TIMEOUT')).toMatchObject({ kind: 'outage' });
    expect(classifyNetworkFailure('net::ERR_ABORTED').kind).toBe('ignore');
    expect(classifyNetworkFailure('NS_BINDING_ABORTED').kind).toBe('ignore');
    expect(classifyNetworkFailure('net::ERR_BLOCKED_BY_CLIENT').kind).toBe('ignore');
  });
});

describe('classifyErrorDocument', () => {
  const doc = (over: Partial<ErrorDocument>): ErrorDocument => ({
    status: 502,
    title: '',
    text: '',
    cloudflare: false,
    ...over,
  });

  it.each([
    [doc({ title: '502 Bad Gateway', text: '502 Bad Gateway nginx' }), 'outage'],
    [doc({ status: 503, title: 'Service Unavailable' }), 'outage'],
    [doc({ status: 504, text: 'upstream request timeout' }), 'outage'],
    [
      doc({
        status: 522,
        title: 'chatgpt.com | 522: Connection timed out',
        text: 'Connection timed out Error code 522 Ray ID: 8a1b2c3d4e5f6a7b',
        cloudflare: true,
      }),
      'outage',
    ],
    [
      doc({
        status: 520,
        title: 'claude.ai | 520: Web server is returning an unknown error',
        cloudflare: true,
      }),
      'outage',
    ],
    [
      doc({
        status: 503,
        title: 'Just a moment...',
        text: 'Checking your browser before accessing',
        cloudflare: true,
      }),
      'refusal',
    ],
    [
      doc({
        status: 503,
        title: 'Just a moment...',
        text: 'Verify you are human by completing the action below.',
      }),
      'refusal',
    ],
    [
      doc({
        status: 403,
        title: 'Attention Required! | Cloudflare',
        text: 'Sorry, you have been blocked',
        cloudflare: true,
      }),
      'refusal',
    ],
    [
      doc({
        status: 403,
        title: 'Access denied',
        text: 'Error 1020 Ray ID: 8a1b2c3d4e5f6a7b',
        cloudflare: true,
      }),
      'refusal',
    ],
    [doc({ status: 429, title: 'Too Many Requests' }), 'refusal'],
    [doc({ status: 404, title: 'Not Found' }), 'ignore'],
    [doc({ status: 403, title: 'Forbidden' }), 'ignore'],
    // Near miss: a 502 page that happens to say "sign in" is still an outage.
    [
      doc({ status: 502, title: 'Bad Gateway', text: 'Please try to sign in again later.' }),
      'outage',
    ],
  ])('%j is %s', (input, kind) => {
    expect(classifyErrorDocument(input).kind).toBe(kind);
  });

  it('says which refusal a challenge and a block are', () => {
    expect(
      classifyErrorDocument(doc({ status: 503, title: 'Just a moment...', cloudflare: true })),
    ).toMatchObject({
      refusal: 'challenge',
    });
    expect(
      classifyErrorDocument(
        doc({ status: 403, title: 'Attention Required! | Cloudflare', cloudflare: true }),
      ),
    ).toMatchObject({
      refusal: 'blocked',
    });
  });
});

describe('classifyNoticeText', () => {
  it.each([
    [
      chatgpt,
      'Something went wrong. If this issue persists please contact us through our help center at help.openai.com.',
      'outage',
    ],
    [chatgpt, 'A network error occurred. Please check your connection and try again.', 'outage'],
    [chatgpt, 'Network error', 'outage'],
    [chatgpt, 'Error in message stream', 'outage'],
    [chatgpt, 'Message delivery timed out. Please try again.', 'outage'],
    [chatgpt, 'Connection interrupted. Waiting for the complete answer.', 'outage'],
    [chatgpt, 'There was an error generating a response', 'outage'],
    [chatgpt, 'Oops, an error occurred!', 'outage'],
    [chatgpt, 'SOMETHING WENT WRONG. PLEASE TRY AGAIN.', 'outage'],
    [
      claude,
      'Due to unexpected capacity constraints, Claude is unable to respond to your message. Please try again soon.',
      'outage',
    ],
    [gemini, 'Sorry, something went wrong. Please try your request again.', 'outage'],
    [deepseek, '服务器繁忙，请稍后再试。', 'outage'],
    [deepseek, 'Server busy, please try again later.', 'outage'],
    [chatgpt, "You've reached our limit of messages per hour. Please try again later.", 'ignore'],
    [chatgpt, 'Something went wrong. Please try again. Too many requests in 1 hour.', 'refusal'],
    [chatgpt, 'Something went wrong. Please try again after you log in.', 'refusal'],
    [chatgpt, 'Network error. Please verify you are human.', 'refusal'],
    [
      chatgpt,
      'Something went wrong. Please try again: this content may violate our usage policies.',
      'refusal',
    ],
    [chatgpt, 'Regenerate', 'ignore'],
    [chatgpt, 'How can I help you today?', 'ignore'],
    [chatgpt, 'Things went well.', 'ignore'],
    [claude, 'Claude can make mistakes. Please double-check responses.', 'ignore'],
  ] as const)('%# (%$) %s', (site, text, kind) => {
    expect(classifyNoticeText(text, site.phrases).kind).toBe(kind);
  });

  it('never reads a long answer that merely mentions an error as a notice', () => {
    const answer =
      'When your app shows "A network error occurred", it usually means the request never reached the server. ' +
      'Check your proxy settings, then look at the browser console for the failing request and its status code. '.repeat(
        3,
      );
    expect(classifyNoticeText(answer, chatgpt.phrases).kind).toBe('ignore');
  });

  it('keeps the site’s wording for the panel', () => {
    expect(classifyNoticeText('  Error in message stream ', chatgpt.phrases)).toEqual({
      kind: 'outage',
      failure: { kind: 'page', text: 'Error in message stream' },
    });
  });
});

describe('refineByDocument: the page refines what the background decided once', () => {
  const doc = (over: Partial<ErrorDocument>): ErrorDocument => ({
    status: 503,
    title: '',
    text: '',
    cloudflare: false,
    ...over,
  });
  const outage503 = { kind: 'outage', failure: { kind: 'http', status: 503 } } as const;

  it('keeps a refusal the headers told (cf-mitigated), whatever the text', () => {
    const challenge = { kind: 'refusal', refusal: 'challenge', status: 403 } as const;
    expect(refineByDocument(challenge, doc({ status: 403, title: '502 Bad Gateway' }))).toBe(
      challenge,
    );
  });

  it('turns a 503 whose page is a challenge into a refusal', () => {
    const page = doc({ title: 'Just a moment...', text: 'Verify you are human', cloudflare: true });
    expect(refineByDocument(outage503, page)).toEqual({
      kind: 'refusal',
      refusal: 'challenge',
      status: 503,
    });
  });

  it('keeps the outage when the page is a plain error page', () => {
    expect(refineByDocument(outage503, doc({ title: 'Service Unavailable' }))).toBe(outage503);
  });
});
