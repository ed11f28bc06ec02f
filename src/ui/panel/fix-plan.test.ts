/** The one decision of which fixes to offer, where, in which order and state. */
import { describe, expect, it } from 'vitest';
import type { Failure } from '~/shared/failure.ts';
import { type Incident, newIncident } from '~/shared/incident.ts';
import type { StatusReading } from '~/shared/status/types.ts';
import {
  type Fix,
  type FixContext,
  type FixOffer,
  type FixSite,
  type FixSurface,
  fixOf,
  planFixes,
} from './fix-plan.ts';

const OUTAGE: Failure = { kind: 'http', status: 502 };

const chatgpt: FixSite = {
  id: 'chatgpt',
  name: 'ChatGPT',
  hosts: ['chatgpt.com', 'chat.openai.com'],
  statusPage: 'https://status.openai.com/',
  statusSource: { kind: 'link', page: 'https://status.openai.com/' },
  cookieScope: { by: 'domain', domains: ['chatgpt.com', 'openai.com'], wider: true },
};

/** A site the user added, as the background's site view describes it. */
const custom: FixSite = {
  id: 'custom:example.com',
  name: 'example.com',
  hosts: ['example.com'],
  statusPage: 'https://status.example.com/',
  statusSource: { kind: 'link', page: 'https://status.example.com/' },
  cookieScope: { by: 'domain', domains: ['example.com'], wider: false },
};

function context(overrides: Partial<FixContext> = {}): FixContext {
  const site = overrides.site === undefined ? chatgpt : overrides.site;
  return {
    surface: 'page',
    url: site ? `https://${site.hosts[0]}/c/1` : 'https://elsewhere.example/x',
    failure: OUTAGE,
    incident: null,
    site,
    autoRetry: true,
    cannotClearCache: false,
    proxyCheckHere: false,
    ...overrides,
  };
}

const kinds = (plan: Fix[]) => plan.map((fix) => fix.kind);

function reading(level: StatusReading['level'], extra: Partial<StatusReading> = {}): StatusReading {
  return {
    level,
    component: null,
    incidents: [],
    readAt: 0,
    source: 'https://status.openai.com/',
    unknownReason: null,
    inferred: false,
    ...extra,
  };
}

const ALL_PANEL: FixOffer[] = [
  'status',
  'retry-now',
  'auto-retry',
  'reload-no-cache',
  'clear-site-data',
  'status-page',
  'network-checks',
  'technical',
  'report',
];

describe('planFixes: the page panel', () => {
  it('offers every fix for a failed page, in order of least harm', () => {
    expect(kinds(planFixes(context()))).toEqual(ALL_PANEL);
  });

  it('leaves automatic retry out when the user turned it off', () => {
    expect(kinds(planFixes(context({ autoRetry: false })))).toEqual(
      ALL_PANEL.filter((kind) => kind !== 'auto-retry'),
    );
  });

  it('never retries a failed answer automatically: resending is the user’s call', () => {
    const plan = planFixes(context({ request: true }));
    expect(kinds(plan)).not.toContain('auto-retry');
    expect(fixOf(plan, 'retry-now')).toEqual({ kind: 'retry-now', answer: false });
  });

  it('names the site’s own retry when a failed answer has one on the page', () => {
    expect(fixOf(planFixes(context({ request: true, siteRetry: true })), 'retry-now')).toEqual({
      kind: 'retry-now',
      answer: true,
    });
    // A failed page is reloaded, whatever controls the page has.
    expect(fixOf(planFixes(context({ siteRetry: true })), 'retry-now')?.answer).toBe(false);
  });

  it('offers nothing for a refusal: it is not an outage', () => {
    expect(planFixes(context({ failure: null }))).toEqual([]);
  });

  it('links the status page, or says the site has none', () => {
    expect(fixOf(planFixes(context()), 'status-page')).toEqual({
      kind: 'status-page',
      url: 'https://status.openai.com/',
      siteName: 'ChatGPT',
    });
    const none = planFixes(context({ site: { ...chatgpt, statusPage: null } }));
    expect(fixOf(none, 'status-page')).toEqual({
      kind: 'status-page',
      url: null,
      siteName: 'ChatGPT',
    });
    expect(kinds(none)).toEqual(ALL_PANEL);
  });

  it('checks the host the page is on, and the status page’s host', () => {
    const checks = fixOf(
      planFixes(context({ url: 'https://chat.openai.com/c/1' })),
      'network-checks',
    );
    expect(checks).toMatchObject({
      siteHost: 'chat.openai.com',
      statusHost: 'status.openai.com',
      open: false,
      autoRun: false,
      statusAllClear: false,
    });
    const noStatus = planFixes(context({ site: { ...chatgpt, statusPage: null } }));
    expect(fixOf(noStatus, 'network-checks')?.statusHost).toBeNull();
  });

  it('never checks the proxy in a site’s page; it sends users to the full checks where the browser can', () => {
    expect(fixOf(planFixes(context({ proxyCheckHere: true })), 'network-checks')).toMatchObject({
      canCheckProxy: false,
      openFullChecks: true,
    });
    expect(fixOf(planFixes(context({ proxyCheckHere: false })), 'network-checks')).toMatchObject({
      canCheckProxy: false,
      openFullChecks: false,
    });
  });

  it('clears storage first, cookies once storage was cleared in this episode', () => {
    const episode = (fixes: Incident['fixes']): Incident => ({
      ...newIncident({
        siteId: 'chatgpt',
        url: 'https://chatgpt.com/c/1',
        surface: 'page',
        verdict: { kind: 'outage', failure: OUTAGE },
        now: 1,
      }),
      fixes,
    });
    expect(fixOf(planFixes(context({ incident: episode([]) })), 'clear-site-data')).toEqual({
      kind: 'clear-site-data',
      siteName: 'ChatGPT',
      storageCleared: false,
      cannotClearCache: false,
      cookieScope: chatgpt.cookieScope,
    });
    const cleared = episode([{ fix: 'clear-storage', at: 2, result: 'done' }]);
    expect(
      fixOf(planFixes(context({ incident: cleared, cannotClearCache: true })), 'clear-site-data'),
    ).toMatchObject({ storageCleared: true, cannotClearCache: true });
  });

  it('shows the failure’s status, time and trace ids', () => {
    const incident: Incident = {
      ...newIncident({
        siteId: 'chatgpt',
        url: 'https://chatgpt.com/c/1',
        surface: 'page',
        verdict: { kind: 'outage', failure: OUTAGE },
        now: 1,
      }),
      trace: { at: Date.parse('2026-11-27T06:40:12Z'), headers: { 'cf-ray': 'abc' }, tookMs: 80 },
    };
    expect(fixOf(planFixes(context({ incident })), 'technical')?.details).toEqual({
      status: '502',
      time: '2026-11-27T06:40:12Z',
      headers: [['cf-ray', 'abc']],
      tookMs: 80,
    });
  });
});

describe('planFixes: what the status page says', () => {
  it('puts the local fixes first when the status page says all is well', () => {
    const plan = planFixes(context({ reading: reading('operational') }));
    expect(kinds(plan)).toEqual([
      'status',
      'reload-no-cache',
      'clear-site-data',
      'status-page',
      'network-checks',
      'technical',
      'report',
      'retry-now',
      'auto-retry',
    ]);
    expect(fixOf(plan, 'status')).toMatchObject({ advice: 'local', siteName: 'ChatGPT' });
    expect(fixOf(plan, 'network-checks')?.statusAllClear).toBe(true);
  });

  it.each([
    ['an outage', reading('major-outage')],
    [
      'an incident on the chat',
      reading('operational', {
        incidents: [{ title: 'Errors', status: 'investigating', updatedAt: 1, url: null }],
      }),
    ],
  ])('keeps retrying first during %s', (_, status) => {
    const plan = planFixes(context({ reading: status }));
    expect(kinds(plan)).toEqual(ALL_PANEL);
    expect(fixOf(plan, 'status')?.advice).toBe('service');
    expect(fixOf(plan, 'network-checks')?.statusAllClear).toBe(false);
  });

  it.each([
    ['not read yet', undefined],
    ['unreadable', null],
    ['only inferred from a feed', reading('operational', { inferred: true })],
    ['unknown', reading('unknown')],
  ])('changes nothing when the status is %s', (_, status) => {
    const plan = planFixes(context({ reading: status }));
    expect(kinds(plan)).toEqual(ALL_PANEL);
    expect(fixOf(plan, 'status')).toMatchObject({ advice: null, reading: status });
  });

  it('without automatic retry, Retry now still comes last when all is well', () => {
    expect(
      kinds(planFixes(context({ autoRetry: false, reading: reading('operational') }))),
    ).toEqual([
      'status',
      'reload-no-cache',
      'clear-site-data',
      'status-page',
      'network-checks',
      'technical',
      'report',
      'retry-now',
    ]);
  });
});

describe('planFixes: the recovery page', () => {
  const recovery = (overrides: Partial<FixContext> = {}) =>
    planFixes(context({ surface: 'recovery', ...overrides }));

  it('offers the page panel’s fixes', () => {
    expect(kinds(recovery())).toEqual(ALL_PANEL);
    expect(kinds(recovery({ autoRetry: false }))).toEqual(
      ALL_PANEL.filter((kind) => kind !== 'auto-retry'),
    );
    expect(kinds(recovery({ reading: reading('operational') }))).toEqual(
      kinds(planFixes(context({ reading: reading('operational') }))),
    );
  });

  it('checks the proxy itself where the browser lets it, never sending users elsewhere', () => {
    expect(fixOf(recovery({ proxyCheckHere: true }), 'network-checks')).toMatchObject({
      canCheckProxy: true,
      openFullChecks: false,
    });
    expect(fixOf(recovery({ proxyCheckHere: false }), 'network-checks')).toMatchObject({
      canCheckProxy: false,
      openFullChecks: false,
    });
  });

  it('opened for the checks: shows and runs them at once, and does not retry automatically', () => {
    const plan = recovery({ checksOnly: true });
    expect(kinds(plan)).not.toContain('auto-retry');
    expect(fixOf(plan, 'network-checks')).toMatchObject({ open: true, autoRun: true });
  });

  it('for an address no site covers: only what needs no site, and it says there is no status page', () => {
    const plan = recovery({ site: null, url: 'https://elsewhere.example/x' });
    expect(kinds(plan)).toEqual([
      'retry-now',
      'auto-retry',
      'reload-no-cache',
      'status-page',
      'technical',
    ]);
    expect(fixOf(plan, 'status-page')).toEqual({
      kind: 'status-page',
      url: null,
      siteName: 'elsewhere.example',
    });
  });

  it('offers nothing for a refusal', () => {
    expect(recovery({ failure: null })).toEqual([]);
  });
});

describe('planFixes: the popup’s card', () => {
  const popup = (overrides: Partial<FixContext> = {}) =>
    planFixes(context({ surface: 'popup', ...overrides }));

  it('offers what it can do to the tab from outside, in the same order', () => {
    expect(kinds(popup())).toEqual(['retry-now', 'clear-site-data', 'status-page', 'report']);
    expect(kinds(popup({ reading: reading('operational') }))).toEqual([
      'clear-site-data',
      'status-page',
      'report',
      'retry-now',
    ]);
  });

  it('never offers automatic retry, checks or a reload it cannot do from here', () => {
    for (const kind of ['auto-retry', 'reload-no-cache', 'network-checks', 'status', 'technical']) {
      expect(kinds(popup())).not.toContain(kind);
    }
  });

  it('leaves the status page out when the site has none, saying nothing of it', () => {
    expect(kinds(popup({ site: { ...chatgpt, statusPage: null } }))).toEqual([
      'retry-now',
      'clear-site-data',
      'report',
    ]);
  });

  it('for a refusal: only the status page, where there is one', () => {
    expect(popup({ failure: null })).toEqual([
      { kind: 'status-page', url: 'https://status.openai.com/', siteName: 'ChatGPT' },
    ]);
    expect(popup({ failure: null, site: { ...chatgpt, statusPage: null } })).toEqual([]);
  });
});

describe('planFixes: the welcome page’s demo', () => {
  it('offers only Retry now and the report: it pretends, and touches no site', () => {
    expect(kinds(planFixes(context({ surface: 'demo' })))).toEqual(['retry-now', 'report']);
    expect(kinds(planFixes(context({ surface: 'demo', reading: reading('operational') })))).toEqual(
      ['report', 'retry-now'],
    );
  });
});

describe('planFixes: a site the user added', () => {
  const surfaces: FixSurface[] = ['page', 'recovery', 'popup', 'demo'];
  const variations: Partial<FixContext>[] = [
    {},
    { autoRetry: false },
    { request: true },
    { checksOnly: true },
    { failure: null },
    { failure: { kind: 'network', network: 'timed-out', raw: 'net::ERR_TIMED_OUT' } },
    { reading: reading('operational') },
    { reading: reading('major-outage') },
  ];

  it.each(surfaces)('gets the same fixes as a built-in site (%s)', (surface) => {
    for (const variation of variations) {
      const own = planFixes(context({ surface, site: custom, ...variation }));
      const builtIn = planFixes(context({ surface, site: chatgpt, ...variation }));
      expect(kinds(own)).toEqual(kinds(builtIn));
    }
  });

  it('is named and checked by its own hosts', () => {
    const plan = planFixes(context({ site: custom }));
    expect(fixOf(plan, 'network-checks')).toMatchObject({
      siteHost: 'example.com',
      statusHost: 'status.example.com',
    });
    expect(fixOf(plan, 'report')).toEqual({ kind: 'report', siteName: 'example.com' });
    expect(fixOf(plan, 'status')).toMatchObject({ siteId: 'custom:example.com' });
    expect(fixOf(plan, 'clear-site-data')?.cookieScope).toEqual(custom.cookieScope);
  });

  it.each(surfaces)('without a status page differs only in what needs one (%s)', (surface) => {
    for (const variation of variations) {
      const own = planFixes(
        context({ surface, site: { ...custom, statusPage: null }, ...variation }),
      );
      const builtIn = planFixes(context({ surface, site: chatgpt, ...variation }));
      const linked = (plan: Fix[]) =>
        kinds(plan).filter(
          (kind) => surface === 'page' || surface === 'recovery' || kind !== 'status-page',
        );
      expect(kinds(own)).toEqual(linked(builtIn));
      const status = fixOf(own, 'status-page');
      if (status) expect(status.url).toBeNull();
      const checks = fixOf(own, 'network-checks');
      if (checks) expect(checks.statusHost).toBeNull();
    }
  });
});
