import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../test/unit/english.ts';
import { statusOf } from '../../../test/unit/status-of.ts';
import { REASON, STATUS_LEVELS } from './types.ts';
import { describeLevel, describeMissingSource, describeUnknownReason } from './wording.ts';

describe('describeLevel', () => {
  it('has English words for every level', () => {
    expect(STATUS_LEVELS.map((level) => englishMessage(describeLevel(level)))).toEqual([
      'Operational',
      'Degraded performance',
      'Partial outage',
      'Major outage',
      'Under maintenance',
      'Status unknown',
    ]);
  });
});

describe('describeUnknownReason', () => {
  it.each([
    ['timed out', 'the status page did not answer in time'],
    ['redirect loop or network error', 'the status page could not be reached'],
    ['response too large', "the status page's answer was too large to read"],
    ['HTTP 404', 'the status page answered with an error'],
    ['not JSON: HTML page', "the status page's answer is not in a form Gateway Guard understands"],
    ['malformed JSON', "the status page's answer is not in a form Gateway Guard understands"],
    [
      'unexpected format: status.indicator "amber"',
      "the status page's answer is not in a form Gateway Guard understands",
    ],
    [
      'status page belongs to another product: page.name "X"',
      "the status address shows another product's page",
    ],
    [
      'no current incident listed: the feed is empty',
      'no current incident is listed, but this source cannot confirm that all is well',
    ],
    ['no public status page', 'there is no public status page'],
    ['reader error: TypeError', 'something unexpected happened while reading the status page'],
    [null, 'something unexpected happened while reading the status page'],
  ])('%s', (reason, words) => {
    expect(englishMessage(describeUnknownReason(reason))).toBe(words);
  });

  it('reads as a sentence in "Status unknown: <reason>"', () => {
    const reason = englishMessage(describeUnknownReason(REASON.timeout));
    expect(englishMessage('statusUnknownBecause', reason)).toBe(
      'Status unknown: the status page did not answer in time',
    );
  });
});

describe('describeMissingSource', () => {
  it('says plainly when a site has no status page, and names the closest public source', () => {
    const copilot = describeMissingSource(statusOf('copilot'));
    expect(copilot?.link).toBe('https://status.cloud.microsoft/');
    expect(
      englishMessage(copilot?.sentence ?? '', ['Microsoft Copilot', 'Microsoft 365 Status']),
    ).toBe(
      'Microsoft Copilot has no public status page. The closest public source is Microsoft 365 Status.',
    );
    expect(englishMessage(copilot?.covers ?? '')).toMatch(/Microsoft 365/);
    const meta = describeMissingSource(statusOf('metaai'));
    expect(meta?.link).toBe('https://metastatus.com/');
    expect(englishMessage(meta?.covers ?? '')).toMatch(/not Meta AI itself/);
  });

  it('links a page that cannot be read automatically', () => {
    const mistral = describeMissingSource(statusOf('mistral'));
    expect(mistral).toEqual({
      sentence: 'statusLinkOnly',
      covers: null,
      link: 'https://status.mistral.ai',
    });
    expect(englishMessage('statusLinkOnly', 'Le Chat (Mistral)')).toBe(
      "Le Chat (Mistral) has a status page, but it can't be read automatically. Open it to check.",
    );
  });

  it('has nothing to say for readable sources', () => {
    expect(describeMissingSource(statusOf('claude'))).toBeNull();
    expect(describeMissingSource(null)).toBeNull();
    expect(describeMissingSource({ kind: 'none', closest: null })?.sentence).toBe(
      'statusNoPageNoSource',
    );
  });
});
