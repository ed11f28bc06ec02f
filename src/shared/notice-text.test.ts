import { describe, expect, it } from 'vitest';
import { hasPhrase, normalizeNotice, preparePhrases } from './notice-text.ts';

describe('normalizeNotice', () => {
  it.each([
    [
      'NetworkError when attempting to fetch resource.',
      'network error when attempting to fetch resource',
    ],
    ['  Something   went\nwrong!! ', 'something went wrong'],
    ['Hmm…something seems to have gone wrong.', 'hmm something seems to have gone wrong'],
    ['You’ve reached', 'youve reached'],
    ["You've reached", 'youve reached'],
    ['Une erreur s’est produite', 'une erreur sest produite'],
    ['Too-Many-Requests', 'too many requests'],
    ['服务器繁忙，请稍后再试。', '服务器繁忙 请稍后再试'],
    ['ＳＥＲＶＥＲ　ＢＵＳＹ', 'server busy'],
    ['Algo salió mal', 'algo salió mal'],
    ['', ''],
  ])('%j → %j', (text, normalized) => {
    expect(normalizeNotice(text)).toBe(normalized);
  });
});

describe('hasPhrase', () => {
  it('finds a phrase that starts a word, and lets its end run on', () => {
    expect(hasPhrase('you are rate limited', 'rate limit')).toBe(true);
    expect(hasPhrase('this violates our policies', 'violat')).toBe(true);
    expect(hasPhrase('open the catalog in the store', 'log in')).toBe(false);
    expect(hasPhrase('please log in again', 'log in')).toBe(true);
    expect(hasPhrase('network error', '')).toBe(false);
  });

  it('matches anywhere in scripts written without spaces', () => {
    expect(hasPhrase('抱歉 服务器繁忙 请稍后再试', '服务器繁忙')).toBe(true);
    expect(hasPhrase('現在問題が発生しました', '問題が発生しました')).toBe(true);
  });

  it('checks later occurrences when the first is inside a word', () => {
    expect(hasPhrase('catalog in or log in', 'log in')).toBe(true);
  });
});

describe('preparePhrases', () => {
  it('normalises each list once, dropping phrases that normalise to nothing', () => {
    const phrases = {
      outage: ['Something went wrong!', '...'],
      network: ['NetworkError'],
      notOutage: [],
    };
    const prepared = preparePhrases(phrases);
    expect(prepared).toEqual({
      outage: ['something went wrong'],
      network: ['network error'],
      notOutage: [],
    });
    expect(preparePhrases(phrases)).toBe(prepared);
  });
});
