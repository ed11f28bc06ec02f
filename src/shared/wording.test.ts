import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../test/unit/english.ts';
import type { Failure } from './failure.ts';
import { describeFailure } from './wording.ts';

function english(failure: Failure, host = 'chatgpt.com') {
  const w = describeFailure(failure);
  return {
    title: [w.code, englishMessage(w.title)].filter(Boolean).join(' '),
    meaning: englishMessage(w.meaning),
    side: englishMessage(w.side, host),
  };
}

describe('describeFailure', () => {
  it.each([
    [500, '500 Internal Server Error', /unexpected error/],
    [502, '502 Bad Gateway', /gateway or proxy .* bad answer/],
    [503, '503 Service Unavailable', /overloaded or down for maintenance/],
    [504, '504 Gateway Timeout', /did not answer in time/],
    [520, '520 Unknown Error (Cloudflare)', /Cloudflare/],
    [521, '521 Web Server Is Down (Cloudflare)', /refused/],
    [522, '522 Connection Timed Out (Cloudflare)', /did not respond in time/],
    [524, '524 A Timeout Occurred (Cloudflare)', /too long/],
    [525, '525 SSL Handshake Failed (Cloudflare)', /secure connection/],
  ])('%i reads "%s"', (status, title, meaning) => {
    const words = english({ kind: 'http', status });
    expect(words.title).toBe(title);
    expect(words.meaning).toMatch(meaning);
    expect(words.side).toBe(
      "This is most likely a problem on chatgpt.com's side, not yours. It usually passes within minutes.",
    );
  });

  it('gives honest generic words to a 5xx it has no words for', () => {
    expect(english({ kind: 'http', status: 599 }).title).toBe('599 Server Error');
  });

  it('names network errors by kind, without a code', () => {
    const words = english({
      kind: 'network',
      network: 'connection-reset',
      raw: 'net::ERR_CONNECTION_RESET',
    });
    expect(words.title).toBe('Connection reset');
    expect(words.side).toMatch(/service or your connection/);
    expect(english({ kind: 'network', network: 'proxy', raw: 'x' }).side).toBe(
      'This is most likely about your connection or network settings, not chatgpt.com.',
    );
  });

  it('every key it can return exists in English', () => {
    const failures: Failure[] = [
      ...Array.from({ length: 100 }, (_, i) => ({ kind: 'http' as const, status: 500 + i })),
      ...(
        [
          'connection-reset',
          'connection-refused',
          'connection-closed',
          'timed-out',
          'name-not-resolved',
          'internet-disconnected',
          'proxy',
          'ssl',
          'other',
        ] as const
      ).map((network) => ({ kind: 'network' as const, network, raw: '' })),
    ];
    for (const failure of failures) {
      const w = describeFailure(failure);
      for (const key of [w.title, w.meaning, w.side])
        expect(englishMessage(key, 'x'), key).not.toBe('');
    }
  });
});

describe('describeFailure for a failed chat request', () => {
  it('speaks of the message and its answer, never of a page that failed to load', () => {
    for (const failure of [
      { kind: 'http', status: 502 },
      { kind: 'http', status: 503 },
      { kind: 'network', network: 'connection-reset', raw: 'net::ERR_CONNECTION_RESET' },
    ] as Failure[]) {
      const w = describeFailure(failure, 'request');
      const meaning = englishMessage(w.meaning);
      expect(meaning).toMatch(/your message/);
      expect(meaning).toMatch(/page itself still works/);
      expect(meaning).not.toMatch(/for this page|while the page was loading/);
      // The title (the dialog's name) stays the same.
      expect(w.title).toBe(describeFailure(failure).title);
    }
  });

  it('keeps the site’s own notice words', () => {
    const failure: Failure = { kind: 'page', text: 'Something went wrong' };
    expect(describeFailure(failure, 'request')).toEqual(describeFailure(failure));
  });
});
