import { describe, expect, it } from 'vitest';
import type { Verdict } from '~/shared/classify.ts';
import {
  badgeText,
  type Incident,
  type IncidentEvent,
  newIncident,
  nextIncident,
} from './incident.ts';

const outage = (status: number): Verdict => ({ kind: 'outage', failure: { kind: 'http', status } });
const fail = (
  verdict: Verdict,
  surface: 'page' | 'recovery' | 'compact' = 'compact',
  siteId = 'chatgpt',
): IncidentEvent => ({
  type: 'failure',
  siteId,
  url: 'https://chatgpt.com/c/1',
  verdict,
  surface,
});

function run(events: IncidentEvent[], start: Incident | null = null): Incident | null {
  return events.reduce<Incident | null>(
    (current, event, i) => nextIncident(current, event, 1000 + i),
    start,
  );
}

describe('nextIncident', () => {
  it('starts an episode on the first failure', () => {
    expect(run([fail(outage(502))])).toMatchObject({
      siteId: 'chatgpt',
      count: 1,
      surface: 'compact',
      firstAt: 1000,
    });
  });

  it('counts a storm as one incident', () => {
    const incident = run(Array.from({ length: 300 }, () => fail(outage(502))));
    expect(incident).toMatchObject({ count: 300, firstAt: 1000, lastAt: 1299 });
  });

  it('lets a failed page take over from failed chat requests', () => {
    const incident = run([fail(outage(502)), fail(outage(503), 'recovery')]);
    expect(incident).toMatchObject({ count: 2, surface: 'recovery', failure: { status: 503 } });
  });

  it('keeps the page headline when a chat request fails after it', () => {
    const incident = run([fail(outage(504), 'page'), fail(outage(502))]);
    expect(incident).toMatchObject({ count: 2, surface: 'page', failure: { status: 504 } });
  });

  it('lets an outage replace a refusal among chat requests', () => {
    const refusal: Verdict = { kind: 'refusal', refusal: 'rate-limit', status: 429 };
    const incident = run([fail(refusal), fail(outage(502))]);
    expect(incident).toMatchObject({ failure: { status: 502 }, refusal: null, count: 2 });
  });

  it('shows what the page answered last when the same address fails again', () => {
    const rateLimited: Verdict = { kind: 'refusal', refusal: 'rate-limit', status: 429 };
    const started = run([fail(outage(502), 'page')]);
    const withFix = nextIncident(started, { type: 'fix', fix: 'auto-retry', result: '502' }, 2);
    const incident = nextIncident(withFix, fail(rateLimited, 'page'), 3);
    expect(incident).toMatchObject({
      count: 2,
      failure: null,
      refusal: { kind: 'rate-limit' },
      retries: 1,
    });
  });

  it('starts a new episode when another address of the site fails', () => {
    const started = run([fail(outage(502), 'page')]);
    const event: IncidentEvent = {
      type: 'failure',
      siteId: 'chatgpt',
      url: 'https://chatgpt.com/c/2',
      verdict: outage(503),
      surface: 'page',
    };
    const other = nextIncident(started, event, 9);
    expect(other).toMatchObject({ count: 1, firstAt: 9, retries: 0, failure: { status: 503 } });
  });

  it('ends on a healthy page load or leaving the site', () => {
    const started = run([fail(outage(502), 'page')]);
    expect(
      nextIncident(started, { type: 'page-loaded', siteId: 'chatgpt', healthy: true }, 5),
    ).toBeNull();
    expect(
      nextIncident(started, { type: 'page-loaded', siteId: null, healthy: true }, 5),
    ).toBeNull();
    expect(
      nextIncident(started, { type: 'page-loaded', siteId: 'claude', healthy: false }, 5),
    ).toBeNull();
    expect(
      nextIncident(started, { type: 'page-loaded', siteId: 'chatgpt', healthy: false }, 5),
    ).toBe(started);
  });

  it('ends a compact episode when a chat request succeeds, not a page one', () => {
    expect(nextIncident(run([fail(outage(502))]), { type: 'chat-ok' }, 5)).toBeNull();
    const page = run([fail(outage(502), 'page')]);
    expect(nextIncident(page, { type: 'chat-ok' }, 5)).toBe(page);
  });

  it('starts over when another site fails in the same tab', () => {
    const incident = run([fail(outage(502)), fail(outage(503), 'compact', 'claude')]);
    expect(incident).toMatchObject({ siteId: 'claude', count: 1 });
  });

  it('ignores verdicts that are nothing', () => {
    const started = run([fail(outage(502))]);
    expect(nextIncident(started, fail({ kind: 'ignore' }), 5)).toBe(started);
    expect(nextIncident(null, fail({ kind: 'ignore' }), 5)).toBeNull();
  });
});

describe('badgeText', () => {
  it('shows the status code, ! for other failures, nothing for refusals or none', () => {
    expect(badgeText(run([fail(outage(502))]))).toBe('502');
    expect(
      badgeText(
        run([
          fail({ kind: 'outage', failure: { kind: 'network', network: 'timed-out', raw: '' } }),
        ]),
      ),
    ).toBe('!');
    expect(badgeText(run([fail({ kind: 'refusal', refusal: 'challenge', status: 403 })]))).toBe('');
    expect(badgeText(null)).toBe('');
  });
});

describe('nextIncident keeps the latest failing response’s trace', () => {
  const failure = (headers?: Record<string, string>) => ({
    type: 'failure' as const,
    siteId: 'chatgpt',
    url: 'https://chatgpt.com/',
    verdict: { kind: 'outage' as const, failure: { kind: 'http' as const, status: 502 } },
    surface: 'compact' as const,
    headers,
  });

  it('starts with the first response’s headers and follows the latest one', () => {
    const first = nextIncident(null, failure({ 'cf-ray': 'a1' }), 1000);
    expect(first?.trace).toEqual({ at: 1000, headers: { 'cf-ray': 'a1' } });
    const second = nextIncident(first, failure({ 'cf-ray': 'b2' }), 2000);
    expect(second?.trace).toEqual({ at: 2000, headers: { 'cf-ray': 'b2' } });
    // A network error has no response: the last one seen stays.
    expect(nextIncident(second, failure(), 3000)?.trace?.headers).toEqual({ 'cf-ray': 'b2' });
    expect(nextIncident(null, failure({}), 1000)?.trace).toBeNull();
  });

  it('keeps how long the failing request took, also for a network error with no headers', () => {
    const timed = nextIncident(null, { ...failure({ 'cf-ray': 'a1' }), tookMs: 812.6 }, 1000);
    expect(timed?.trace).toEqual({ at: 1000, headers: { 'cf-ray': 'a1' }, tookMs: 813 });
    const reset = nextIncident(null, { ...failure(), tookMs: 30_000 }, 2000);
    expect(reset?.trace).toEqual({ at: 2000, headers: {}, tookMs: 30_000 });
    expect(nextIncident(null, { ...failure(), tookMs: null }, 3000)?.trace).toBeNull();
    expect(nextIncident(null, { ...failure(), tookMs: -5 }, 3000)?.trace).toBeNull();
  });
});

describe('newIncident, the one way every context starts an episode', () => {
  it('starts at one, with the outage or the refusal the verdict names', () => {
    const outage = newIncident({
      siteId: 'chatgpt',
      url: 'https://chatgpt.com/',
      surface: 'page',
      verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
      now: 5,
    });
    expect(outage).toEqual({
      siteId: 'chatgpt',
      url: 'https://chatgpt.com/',
      surface: 'page',
      failure: { kind: 'http', status: 502 },
      refusal: null,
      count: 1,
      firstAt: 5,
      lastAt: 5,
      retries: 0,
      fixes: [],
      trace: null,
    });
    const refusal = newIncident({
      siteId: 'claude',
      url: 'https://claude.ai/',
      surface: 'compact',
      verdict: { kind: 'refusal', refusal: 'rate-limit', status: 429 },
      now: 7,
    });
    expect(refusal.failure).toBeNull();
    expect(refusal.refusal).toEqual({ kind: 'rate-limit', status: 429 });
  });

  it('is what a first failure event makes', () => {
    const verdict = { kind: 'outage', failure: { kind: 'http', status: 503 } } as const;
    const start = { siteId: 'chatgpt', url: 'https://chatgpt.com/', surface: 'page' } as const;
    expect(nextIncident(null, { type: 'failure', ...start, verdict }, 9)).toEqual(
      newIncident({ ...start, verdict, now: 9 }),
    );
  });
});
