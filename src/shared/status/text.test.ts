import { describe, expect, it } from 'vitest';
import { findByName, parseJsonBody, parseTime, plainText, quoteValue, safeUrl } from './text.ts';

describe('parseTime', () => {
  it.each([
    ['2026-11-20T11:41:07.220Z', Date.UTC(2026, 10, 20, 11, 41, 7, 220)],
    ['2026-11-20T11:41:07Z', Date.UTC(2026, 10, 20, 11, 41, 7)],
    ['2026-11-20T03:58:12.402-08:00', Date.UTC(2026, 10, 20, 11, 58, 12, 402)],
    ['2026-11-20T11:20:00+00:00', Date.UTC(2026, 10, 20, 11, 20)],
    ['2026-11-20T11:20:00+0530', Date.UTC(2026, 10, 20, 5, 50)],
    ['2026-11-20 11:20', Date.UTC(2026, 10, 20, 11, 20)],
    ['2026-11-20', Date.UTC(2026, 10, 20)],
    ['Fri, 20 Nov 2026 11:30:00 +0000', Date.UTC(2026, 10, 20, 11, 30)],
    ['Fri, 20 Nov 2026 11:30:00 GMT', Date.UTC(2026, 10, 20, 11, 30)],
    ['20 Nov 2026 06:30:00 EST', Date.UTC(2026, 10, 20, 11, 30)],
    ['Fri, 20 Nov 26 11:30 +0000', Date.UTC(2026, 10, 20, 11, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('reads %s', (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });

  it('reads epoch seconds and milliseconds, as numbers or digit strings', () => {
    const at = Date.UTC(2026, 10, 20, 12);
    expect(parseTime(at)).toBe(at);
    expect(parseTime(at / 1000)).toBe(at);
    expect(parseTime(String(at / 1000))).toBe(at);
    expect(parseTime(String(at))).toBe(at);
  });

  it.each([
    '2026-13-45',
    '2026-02-30T00:00:00Z',
    '2025-02-29',
    '2026-11-20T25:00:00Z',
    '2026-11-20T11:61:00Z',
    '2026-11-20T11:00:00+99:00',
    'Fri, 32 Nov 2026 11:30:00 +0000',
    'Fri, 20 Foo 2026 11:30:00 +0000',
    'Fri, 20 Nov 2026 11:30:00 XYZ',
    '1',
    '12',
    'yesterday',
    'now',
    '',
    '   ',
    '1899-12-31T00:00:00Z',
    '2200-01-01T00:00:00Z',
    'x'.repeat(1000),
  ])('refuses the odd date %j', (text) => {
    expect(parseTime(text)).toBeNull();
  });

  it.each([
    [null],
    [undefined],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [-5],
    [0],
    [{}],
    [[]],
    [true],
  ])('refuses %j', (value) => {
    expect(parseTime(value)).toBeNull();
  });
});

describe('plainText', () => {
  it('strips tags and decodes entities', () => {
    expect(plainText('<p>Errors on <b>claude.ai</b> &amp; API</p>', 100)).toBe(
      'Errors on claude.ai & API',
    );
    expect(plainText('&lt;script&gt;alert(1)&lt;/script&gt;Outage', 100)).toBe('alert(1) Outage');
    expect(plainText('caf&#233; &#x263A;', 100)).toBe('café ☺');
  });

  it('removes control and direction-override characters and collapses space', () => {
    expect(plainText('a\u0000b\u0007c\u202Ed\u200Be\n\t f', 100)).toBe('a b c d e f');
  });

  it('bounds the length with an ellipsis, without splitting a character', () => {
    expect(plainText('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
    const emoji = plainText('😀'.repeat(50), 5);
    expect(Array.from(emoji)).toHaveLength(5);
    expect(emoji.endsWith('…')).toBe(true);
  });

  it('gives "" for anything but a string', () => {
    expect(plainText(42, 10)).toBe('');
    expect(plainText(null, 10)).toBe('');
  });
});

describe('safeUrl', () => {
  it('keeps https links and resolves relative ones', () => {
    expect(safeUrl('https://stspg.io/abc')).toBe('https://stspg.io/abc');
    expect(safeUrl('incidents/x1', 'https://www.google.com/appsstatus/dashboard/')).toBe(
      'https://www.google.com/appsstatus/dashboard/incidents/x1',
    );
    expect(safeUrl('incidents/x1', 'https://status.openai.com')).toBe(
      'https://status.openai.com/incidents/x1',
    );
  });

  it.each([
    'javascript:alert(1)',
    'http://status.example.com/',
    'data:text/html,hi',
    'https://user:pw@example.com/',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(safeUrl(url)).toBeNull();
  });
});

describe('parseJsonBody', () => {
  it('tells HTML, empty and malformed apart', () => {
    expect(parseJsonBody('<!DOCTYPE html><html></html>')).toEqual({
      ok: false,
      reason: 'not JSON: HTML page',
    });
    expect(parseJsonBody('  ')).toEqual({ ok: false, reason: 'empty response' });
    expect(parseJsonBody('{"a":')).toEqual({ ok: false, reason: 'malformed JSON' });
    expect(parseJsonBody('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('findByName', () => {
  const items = [{ name: 'ChatGPT' }, { name: 'Conversations' }, { name: 'Login' }];
  it('takes exact names only (case and spacing aside), in hint order', () => {
    expect(findByName(items, ['conversations', 'ChatGPT'])?.name).toBe('Conversations');
    expect(findByName(items, ['  CONVERSATIONS '])?.name).toBe('Conversations');
    expect(findByName(items, ['convers'])).toBeNull();
    expect(findByName(items, ['nothing'])).toBeNull();
    expect(findByName(items, undefined)).toBeNull();
  });

  it('never picks another product whose name contains the hint', () => {
    const openai = [{ name: 'Codex in ChatGPT Desktop' }, { name: 'ChatGPT Atlas' }];
    expect(findByName(openai, ['ChatGPT'])).toBeNull();
    expect(
      findByName([{ name: 'Claude Console (platform.claude.com)' }], ['claude.ai']),
    ).toBeNull();
  });
});

describe('quoteValue', () => {
  it('describes any value briefly', () => {
    expect(quoteValue('amber')).toBe('"amber"');
    expect(quoteValue(undefined)).toBe('missing');
    expect(quoteValue([1])).toBe('an array');
    expect(quoteValue({})).toBe('an object');
    expect(quoteValue(3)).toBe('3');
  });
});
