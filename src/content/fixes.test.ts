/** A site the user added: the page's panel offers the same fixes as on a built-in site. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '~/shared/incident.ts';
import type { SiteView } from '~/shared/protocol/messages.ts';
import { fixOf, planFixes } from '~/ui/panel/fix-plan.ts';
import { pageFixes } from './fixes.ts';
import { setPrompt, show } from './show.ts';
// Loaded up front: its on-demand import would otherwise eat into the waits below.
import './page-ui.ts';

// As the background describes it; the content script's own registry never holds it.
const site: SiteView = {
  id: 'custom:example.org',
  name: 'example.org',
  hosts: ['example.org'],
  phrases: { outage: ['something went wrong'], network: [], notOutage: [] },
  retryControl: [],
  composer: ['textarea'],
  statusPage: 'https://status.example.org/',
  statusSource: { kind: 'link', page: 'https://status.example.org/' },
  cookieScope: { by: 'domain', domains: ['example.org'], wider: false },
};

const incident: Incident = {
  siteId: site.id,
  url: 'https://example.org/chat',
  surface: 'page',
  failure: { kind: 'http', status: 502 },
  refusal: null,
  count: 1,
  firstAt: 1,
  lastAt: 2,
  retries: 0,
  fixes: [],
};

const root = () => document.querySelector('gateway-guard-panel')?.shadowRoot ?? null;

afterEach(async () => {
  await show(site, null);
  setPrompt(null);
});

describe("the page's fixes for the user's own site", () => {
  it('include the network checks of its host and status host, and the report', async () => {
    fakeBrowser.runtime.getManifest = (() => ({ version: '1.0.0' })) as never;
    const fixes = pageFixes(site, incident, null, null);
    const plan = planFixes(fixes.context);
    expect(fixOf(plan, 'network-checks')).toMatchObject({
      siteHost: 'example.org',
      statusHost: 'status.example.org',
    });
    expect(fixOf(plan, 'status-page')?.url).toBe('https://status.example.org/');
    expect(fixOf(plan, 'report')).toBeDefined();
    const report = await fixes.actions.copyReport?.();
    expect(report?.text).toContain('example.org');
  });

  it('the panel offers network checks and Copy report', async () => {
    setPrompt({ mode: 'full', autoRetry: null, drafts: null });
    await show(site, incident);
    await expect.poll(() => root()?.textContent ?? '').toContain('Copy report');
    const text = root()?.textContent ?? '';
    expect(text).toContain('Network checks');
    expect(text).toContain('Clear site data');
    expect(text).toContain('Status page');
  });
});
