/** Which changes of a tab's incident its page hears about. */
import { describe, expect, it } from 'vitest';
import { newIncident } from '~/shared/incident.ts';
import { pageListens } from './record-incident.ts';

const incident = (surface: 'page' | 'recovery' | 'compact') =>
  newIncident({
    siteId: 'chatgpt',
    url: 'https://chatgpt.com/c/1',
    surface,
    verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
    now: 1,
  });

describe('pageListens', () => {
  it('tells a healthy page of its failed answer, and of its end', () => {
    expect(pageListens(null, incident('compact'))).toBe(true);
    expect(pageListens(incident('compact'), incident('compact'))).toBe(true);
    expect(pageListens(incident('compact'), null)).toBe(true);
  });

  it('pushes nothing a failed page or the recovery page would not hear', () => {
    expect(pageListens(null, incident('page'))).toBe(false);
    expect(pageListens(incident('page'), null)).toBe(false);
    expect(pageListens(null, incident('recovery'))).toBe(false);
    expect(pageListens(incident('recovery'), incident('page'))).toBe(false);
  });
});
