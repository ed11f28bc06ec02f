/**
 * Live status in the panel: "is it down for everyone?" answered from the (fake) status
 * pages, the advice and order of fixes adapting to it, and working alternatives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser, type TestPage } from './harness/browsers.ts';
import { extensionDirFor } from './harness/extension-dir.ts';
import { errorPage, type FakeSites, startFakeSites } from './harness/fake-sites.ts';

const JSON_HEADERS = { 'content-type': 'application/json' };

/** An Atlassian Statuspage summary.json, as status.claude.com serves it. */
function summary(indicator: 'none' | 'major', component: string, incident?: string) {
  const status = indicator === 'none' ? 'operational' : 'major_outage';
  return {
    status: 200,
    headers: JSON_HEADERS,
    body: JSON.stringify({
      page: {
        id: 'p1',
        name: 'Status',
        url: 'https://status.example',
        updated_at: new Date().toISOString(),
      },
      status: {
        indicator,
        description: indicator === 'none' ? 'All Systems Operational' : 'Major System Outage',
      },
      components: [
        { id: 'c1', name: component, status, group: false, only_show_if_degraded: false },
      ],
      incidents: incident
        ? [
            {
              id: 'i1',
              name: incident,
              status: 'investigating',
              impact: 'major',
              started_at: new Date().toISOString(),
              updated_at: new Date().toISOString(),
              shortlink: 'https://stspg.io/i1',
              incident_updates: [],
              components: [],
            },
          ]
        : [],
      scheduled_maintenances: [],
    }),
  };
}

const indexOf = (list: string[], name: string) => list.indexOf(name);

describe('live status in chromium', () => {
  let fake: FakeSites;
  let browser: TestBrowser;
  let page: TestPage;

  beforeAll(async () => {
    fake = await startFakeSites();
    browser = await launchBrowser('chromium', {
      extensionDir: extensionDirFor('chromium'),
      fakePort: fake.port,
    });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  // First: every panel reads all sites' status, and a failed read backs off for 30 s.
  it('lists as alternatives only the sites the fakes report operational', async () => {
    fake.reset();
    fake.script(
      'status.openai.com',
      '/api/v2/summary.json',
      summary('major', 'Conversations', 'ChatGPT is down'),
    );
    fake.script('status.perplexity.com', '/api/v2/summary.json', summary('none', 'perplexity.ai'));
    fake.script('status.claude.com', '/api/v2/summary.json', summary('none', 'claude.ai'));
    fake.script('status.poe.com', '/api/v2/status.json', {
      status: 200,
      headers: JSON_HEADERS,
      body: JSON.stringify({
        page: { name: 'Poe' },
        status: { indicator: 'major', description: 'Major outage' },
      }),
    });
    fake.script('chatgpt.com', '/c/4', { status: 502, body: errorPage(502) });
    await page.goto('https://chatgpt.com/c/4');
    await page.waitForPanel();
    await expect
      .poll(async () => (await page.panel())?.text ?? '', { timeout: 10_000 })
      .toContain('Working right now');
    const alternatives = await page.evaluate<
      string[]
    >(`[...document.querySelector('gateway-guard-panel')
      .shadowRoot.querySelectorAll('.gg-alternatives a')].map((a) => a.textContent)`);
    expect(alternatives.sort()).toEqual(['Claude', 'Perplexity']);
  }, 60_000);

  it('puts the local fixes first when the status page says all is well', async () => {
    fake.reset();
    fake.script('status.claude.com', '/api/v2/summary.json', summary('none', 'claude.ai'));
    fake.script('claude.ai', '/chat/2', { status: 502, body: errorPage(502) });
    await page.goto('https://claude.ai/chat/2');
    await page.waitForPanel();
    await expect
      .poll(async () => (await page.panel())?.text ?? '', { timeout: 10_000 })
      .toContain('Claude status: Operational');
    const panel = await page.panel();
    expect(panel?.text).toContain('Try the local fixes first');
    const buttons = panel?.buttons ?? [];
    expect(indexOf(buttons, 'Clear site data')).toBeLessThan(indexOf(buttons, 'Stop retrying'));
  });

  it('shows a major outage with its incident and puts automatic retry first', async () => {
    fake.reset();
    fake.script(
      'status.claude.com',
      '/api/v2/summary.json',
      summary('major', 'claude.ai', 'Elevated errors on claude.ai'),
    );
    fake.script('claude.ai', '/chat/1', { status: 502, body: errorPage(502) });
    // A reading is kept for a minute, and the panel's forced re-read happens at most every
    // 10 s: wait that floor out so this test sees its own status page.
    await new Promise((r) => setTimeout(r, 10_500));
    await page.goto('https://claude.ai/chat/1');
    await page.waitForPanel();
    await expect
      .poll(async () => (await page.panel())?.text ?? '', { timeout: 10_000 })
      .toContain('Claude status: Major outage: Elevated errors on claude.ai');
    const panel = await page.panel();
    expect(panel?.text).toContain('Automatic retry is the right move');
    const buttons = panel?.buttons ?? [];
    expect(indexOf(buttons, 'Stop retrying')).toBeGreaterThanOrEqual(0);
    expect(indexOf(buttons, 'Stop retrying')).toBeLessThan(indexOf(buttons, 'Clear site data'));
  }, 30_000);

  it('says status unknown for garbage and still works', async () => {
    fake.reset();
    fake.script('status.openai.com', '/api/v2/summary.json', {
      status: 200,
      headers: JSON_HEADERS,
      body: '{"status": {"indicator": 42}, "components": "nope"',
    });
    fake.script('chatgpt.com', '/c/3', { status: 502, body: errorPage(502) });
    // A reading is kept for a minute, and the panel's forced re-read happens at most every
    // 10 s: wait that floor out so this test sees its own status page.
    await new Promise((r) => setTimeout(r, 10_500));
    await page.goto('https://chatgpt.com/c/3');
    await page.waitForPanel();
    await expect
      .poll(async () => (await page.panel())?.text ?? '', { timeout: 10_000 })
      .toContain('Status unknown');
    expect((await page.panel())?.buttons).toContain('Retry now');
    fake.healthy('chatgpt.com');
    await page.clickButton('Retry now');
    await page.waitForNoPanel();
  }, 30_000);
});
