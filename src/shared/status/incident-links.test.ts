import { describe, expect, it } from 'vitest';
import { statusOf } from '../../../test/unit/status-of.ts';
import { type FetchedSource, keepOwnIncidentLinks } from './sources.ts';
import type { StatusIncident, StatusReading } from './types.ts';

const openai = statusOf('chatgpt') as FetchedSource;

const reading = (urls: Array<string | null>): StatusReading => ({
  level: 'major-outage',
  component: null,
  incidents: urls.map(
    (url, i): StatusIncident => ({ title: `t${i}`, status: 'investigating', updatedAt: i, url }),
  ),
  readAt: 0,
  source: openai.url,
  unknownReason: null,
  inferred: false,
});

describe('incident links from status JSON', () => {
  it("keeps https links on the status page's own host and its shortlink host", () => {
    const kept = reading(['https://status.openai.com/incidents/abc', 'https://stspg.io/xyz', null]);
    expect(keepOwnIncidentLinks(kept, openai)).toBe(kept);
  });

  it('drops links to any other host, other schemes and credentials', () => {
    const out = keepOwnIncidentLinks(
      reading([
        'https://evil.example/phish',
        'http://status.openai.com/incidents/abc',
        'javascript:alert(1)',
        'https://user@status.openai.com/x',
        'https://status.openai.com.evil.example/',
        'https://status.openai.com/incidents/ok',
      ]),
      openai,
    );
    expect(out.incidents.map((i) => i.url)).toEqual([
      null,
      null,
      null,
      null,
      null,
      'https://status.openai.com/incidents/ok',
    ]);
    expect(out.incidents.map((i) => i.title)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
  });
});
