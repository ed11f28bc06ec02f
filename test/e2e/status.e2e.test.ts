/**
 * Live status in the panel: "is it down for everyone?" answered from the (fake) status
 * pages, the advice and order of fixes adapting to it, and working alternatives.
 */
import { describe, expect, it } from 'vitest';
import type { TestPage } from './harness/browsers.ts';
import { errorPage } from './harness/fake-sites.ts';
import { useBrowser } from './harness/fixture.ts';

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

/**
 * Opens `url` until its panel's text contains `expected`. A status reading is kept for a
 * while and re-read when a panel opens only once it is a little old (shorter in the test
 * build), so a test that changed a status page opens the panel again until the new
 * answer shows: whatever ran before, in any order.
 */
async function panelShowing(page: TestPage, url: string, expected: string) {
  await expect
    .poll(
      async () => {
        await page.goto(url);
        await page.waitForPanel();
        // The panel reads the status after it opens: give that read its own short poll.
        await expect
          .poll(async () => (await page.panel())?.text ?? '', { timeout: 3_000 })
          .toContain(expected)
          .catch(() => undefined);
        return (await page.panel())?.text ?? '';
      },
      { timeout: 30_000, interval: 200 },
    )
    .toContain(expected);
  const panel = await page.panel();
  if (!panel) throw new Error(`the panel on ${url} went away`);
  return panel;
}

describe('live status in chromium', () => {
  const env = useBrowser('chromium');

  it('lists as alternatives only the sites the fakes report operational', async () => {
    const { fake, page } = env;
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
    await panelShowing(page, 'https://chatgpt.com/c/4', 'Working right now');
    const alternatives = await page.evaluate<
      string[]
    >(`[...document.querySelector('gateway-guard-panel')
      .shadowRoot.querySelectorAll('.gg-alternatives a')].map((a) => a.textContent)`);
    expect(alternatives.sort()).toEqual(['Claude', 'Perplexity']);
  });

  it('puts the local fixes first when the status page says all is well', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('status.claude.com', '/api/v2/summary.json', summary('none', 'claude.ai'));
    fake.script('claude.ai', '/chat/2', { status: 502, body: errorPage(502) });
    const panel = await panelShowing(
      page,
      'https://claude.ai/chat/2',
      'Claude status: Operational',
    );
    expect(panel?.text).toContain('Try the local fixes first');
    const buttons = panel?.buttons ?? [];
    expect(indexOf(buttons, 'Clear site data')).toBeLessThan(indexOf(buttons, 'Stop retrying'));
  });

  it('shows a major outage with its incident and puts automatic retry first', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script(
      'status.claude.com',
      '/api/v2/summary.json',
      summary('major', 'claude.ai', 'Elevated errors on claude.ai'),
    );
    fake.script('claude.ai', '/chat/1', { status: 502, body: errorPage(502) });
    const panel = await panelShowing(
      page,
      'https://claude.ai/chat/1',
      'Claude status: Major outage – Elevated errors on claude.ai',
    );
    expect(panel?.text).toContain('Automatic retry is the right move');
    const buttons = panel?.buttons ?? [];
    expect(indexOf(buttons, 'Stop retrying')).toBeGreaterThanOrEqual(0);
    expect(indexOf(buttons, 'Stop retrying')).toBeLessThan(indexOf(buttons, 'Clear site data'));
  });

  it('says status unknown for garbage and still works', async () => {
    const { fake, page } = env;
    fake.reset();
    fake.script('status.openai.com', '/api/v2/summary.json', {
      status: 200,
      headers: JSON_HEADERS,
      body: '{"status": {"indicator": 42}, "components": "nope"',
    });
    fake.script('chatgpt.com', '/c/3', { status: 502, body: errorPage(502) });
    await panelShowing(page, 'https://chatgpt.com/c/3', 'Status unknown');
    expect((await page.panel())?.buttons).toContain('Retry now');
    fake.healthy('chatgpt.com');
    await page.clickButton('Retry now');
    await page.waitForNoPanel();
  });
});
