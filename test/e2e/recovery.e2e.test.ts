/**
 * Automatic recovery that outlasts an outage: the fast phase, then the steady one; one
 * light probe per site for all its tabs, which all come back together; guided by the
 * status page but never delayed by it. The test build's shorter waits keep this fast
 * (a steady check every 10 to 20 s instead of about a minute; the status page read every
 * 2 s instead of every minute). Every wait here polls for a signal.
 */
import { describe, expect, it } from 'vitest';
import { browserNames, type TestPage } from './harness/browsers.ts';
import { errorPage, type FakeSites, healthyPage } from './harness/fake-sites.ts';
import { useBrowser } from './harness/fixture.ts';

/** A site that fails until `heal()` is called. */
function outage(fake: FakeSites, host: string, empty = false) {
  let healed = false;
  fake.script(host, '*', () =>
    healed
      ? { status: 200, body: healthyPage(host) }
      : { status: 502, body: empty ? '' : errorPage(502) },
  );
  return {
    heal() {
      healed = true;
    },
  };
}

/** A Statuspage summary.json (status.claude.com's format) with or without a major outage. */
function summary(major: boolean) {
  const now = new Date().toISOString();
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      page: { id: 'p1', name: 'Claude', url: 'https://status.claude.com', updated_at: now },
      status: major
        ? { indicator: 'major', description: 'Major System Outage' }
        : { indicator: 'none', description: 'All Systems Operational' },
      components: [
        {
          id: 'c1',
          name: 'claude.ai',
          status: major ? 'major_outage' : 'operational',
          group: false,
          only_show_if_degraded: false,
        },
      ],
      incidents: major
        ? [
            {
              id: 'i1',
              name: 'Elevated errors on claude.ai',
              status: 'investigating',
              impact: 'major',
              started_at: now,
              updated_at: now,
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

const panelText = async (page: TestPage) => (await page.panel())?.text ?? '';

/** The checks the panel says were made ("Checked 14 times since 14:02"). */
async function checksShown(page: TestPage): Promise<number> {
  const text = await panelText(page);
  if (/Checked once since/.test(text)) return 1;
  const match = /Checked (\d+) times since/.exec(text);
  return match ? Number(match[1]) : 0;
}

/** Seconds to the next check the panel counts down to, once in the steady phase. */
async function steadySecondsLeft(page: TestPage): Promise<number> {
  const match = /about once a minute: next check in (\d+) s/.exec(await panelText(page));
  return match ? Number(match[1]) : -1;
}

/** Probes (light requests) the fake saw for a host after `since`. */
const probes = (fake: FakeSites, host: string, since: number) =>
  fake.requests.filter((r) => r.host === host && r.method === 'HEAD' && r.time >= since);

/** Every request the fake saw for a host after `since` (the browser's favicon asks aside). */
const requests = (fake: FakeSites, host: string, since: number) =>
  fake.requests.filter((r) => r.host === host && r.time >= since && r.path !== '/favicon.ico');

describe.each(browserNames())('automatic recovery in %s', (name) => {
  const env = useBrowser(name);

  // First, before any panel reads every site's status page: a read that fails (the fake
  // serves no status for most sites) backs off for 30 s.
  it('checks at once when the status page posts the fix', async () => {
    const { browser, fake } = env;
    fake.reset();
    let major = true;
    fake.script('status.claude.com', '/api/v2/summary.json', () => summary(major));
    const site = outage(fake, 'claude.ai');
    const page = await browser.newPage();
    await page.goto('https://claude.ai/chat/45');
    await page.waitForPanel();
    await expect
      .poll(() => panelText(page), { timeout: 15_000 })
      .toMatch(/Claude reports a major outage since \d/);
    // In the steady phase, with the next scheduled check well ahead.
    await expect
      .poll(() => steadySecondsLeft(page), { timeout: 60_000, interval: 200 })
      .toBeGreaterThanOrEqual(7);
    const left = await steadySecondsLeft(page);
    const postedAt = Date.now();
    major = false;
    site.heal();
    await expect
      .poll(() => probes(fake, 'claude.ai', postedAt).length, { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(0);
    // Long before the check that was scheduled: the status page's fix moved it to now.
    const probe = probes(fake, 'claude.ai', postedAt)[0];
    expect((probe?.time ?? Infinity) - postedAt).toBeLessThan((left - 2) * 1000);
    await page.waitForNoPanel(15_000);
    await page.close();
  }, 120_000);

  it('is not delayed by a status page that still reports the outage after the site healed', async () => {
    const { browser, fake } = env;
    fake.reset();
    fake.script('status.claude.com', '/api/v2/summary.json', () => summary(true));
    const site = outage(fake, 'claude.ai');
    const page = await browser.newPage();
    await page.goto('https://claude.ai/chat/46');
    await page.waitForPanel();
    await expect
      .poll(() => panelText(page), { timeout: 15_000 })
      .toMatch(/Claude reports a major outage since \d/);
    await expect
      .poll(() => panelText(page), { timeout: 60_000, interval: 250 })
      .toMatch(/about once a minute: next check in \d+ s/);
    const healedAt = Date.now();
    site.heal();
    await page.waitForNoPanel(40_000);
    // One steady interval at most (20 s in the test build), whatever the status page says.
    expect(Date.now() - healedAt).toBeLessThan(30_000);
    await page.close();
  }, 120_000);

  it('outlasts the fast phase and brings the page back without a click soon after healing', async () => {
    const { browser, fake } = env;
    fake.reset();
    const site = outage(fake, 'chatgpt.com');
    const page = await browser.newPage();
    await page.goto('https://chatgpt.com/c/40');
    await page.waitForPanel();
    await expect
      .poll(() => panelText(page), { timeout: 10_000 })
      .toMatch(/Checking again in \d+ s/);
    // Past the fast phase, it has not given up: it checks about once a minute, and says so.
    await expect
      .poll(() => panelText(page), { timeout: 40_000, interval: 250 })
      .toMatch(/about once a minute: next check in \d+ s/);
    expect(await panelText(page)).toMatch(/Checked \d+ times since/);
    expect(await panelText(page)).not.toMatch(/attempt \d+ of \d+|gave up|Stopped after/i);
    const healedAt = Date.now();
    site.heal();
    await page.waitForNoPanel(40_000);
    // Within one steady interval of the site healing (about a minute in store builds).
    expect(Date.now() - healedAt).toBeLessThan(30_000);
    expect(await page.evaluate<string>('document.title')).toBe('FakeSite ChatGPT');
    await page.close();
  }, 120_000);

  it('two failing tabs of one site share one probe per check, stop together and come back together', async () => {
    const { browser, fake } = env;
    fake.reset();
    const site = outage(fake, 'chatgpt.com');
    const first = await browser.newPage();
    const second = await browser.newPage();
    await first.goto('https://chatgpt.com/c/41');
    await first.waitForPanel();
    const start = Date.now();
    const before = await checksShown(first);
    await second.goto('https://chatgpt.com/c/42');
    await second.waitForPanel();
    // Both tabs show the one schedule of the site.
    await expect
      .poll(() => checksShown(first), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(before + 5);
    const checks = (await checksShown(first)) - before;
    await expect
      .poll(() => checksShown(second), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(before + 5);
    // One light request per check between the two tabs, not one per tab (the second
    // tab's own page load is the only other request).
    const seen = probes(fake, 'chatgpt.com', start).length;
    expect(seen).toBeGreaterThanOrEqual(checks - 1);
    expect(seen).toBeLessThanOrEqual(checks + 1);
    expect(requests(fake, 'chatgpt.com', start).length).toBeLessThanOrEqual(checks + 2);

    // Stop in one tab stops the site's checks in both.
    await first.clickButton('Stop retrying');
    await expect
      .poll(() => panelText(second), { timeout: 10_000 })
      .toContain('Automatic retry stopped.');
    const stoppedAt = Date.now();
    await expect.poll(() => panelText(first)).toContain('Keep checking');

    // Keep checking resumes it for both, and when the site answers both tabs come back.
    await second.clickButton('Keep checking');
    await expect
      .poll(() => panelText(first), { timeout: 10_000 })
      .not.toContain('Automatic retry stopped.');
    expect(probes(fake, 'chatgpt.com', stoppedAt).length).toBeLessThanOrEqual(1);
    site.heal();
    await first.waitForNoPanel(40_000);
    await second.waitForNoPanel(10_000);
    await first.close();
    await second.close();
  }, 120_000);

  it('brings a tab back from the recovery page together with the site’s other tabs', async () => {
    const { browser, fake } = env;
    // ChatGPT: Claude's status page is left to the tests below (a failed read backs off).
    fake.reset();
    let healed = false;
    fake.script('chatgpt.com', '/c/43', () =>
      healed ? { status: 200, body: healthyPage('chatgpt.com') } : { status: 502, body: '' },
    );
    fake.script('chatgpt.com', '/c/44', () =>
      healed
        ? { status: 200, body: healthyPage('chatgpt.com') }
        : { status: 502, body: errorPage(502) },
    );
    const onRecoveryPage = await browser.newPage();
    const onSitePage = await browser.newPage();
    await onRecoveryPage.goto('https://chatgpt.com/c/43');
    await onRecoveryPage.waitForUrl((u) => u.startsWith(browser.extensionBase), 15_000);
    await onRecoveryPage.waitForPanel();
    await onSitePage.goto('https://chatgpt.com/c/44');
    await onSitePage.waitForPanel();
    await expect.poll(() => panelText(onRecoveryPage), { timeout: 10_000 }).toMatch(/Checked/);
    healed = true;
    await onRecoveryPage.waitForUrl((u) => u === 'https://chatgpt.com/c/43', 40_000);
    await onSitePage.waitForNoPanel(10_000);
    await onRecoveryPage.close();
    await onSitePage.close();
  }, 90_000);

  it.runIf(name === 'chromium')(
    'goes on after the background worker is stopped',
    async () => {
      const { browser, fake } = env;
      fake.reset();
      const site = outage(fake, 'chatgpt.com');
      const page = await browser.newPage();
      await page.goto('https://chatgpt.com/c/47');
      await page.waitForPanel();
      await expect.poll(() => checksShown(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      await browser.restartBackground();
      const restartedAt = Date.now();
      const shown = await checksShown(page);
      await expect.poll(() => checksShown(page), { timeout: 30_000 }).toBeGreaterThan(shown);
      expect(probes(fake, 'chatgpt.com', restartedAt).length).toBeGreaterThanOrEqual(1);
      site.heal();
      await page.waitForNoPanel(40_000);
      await page.close();
    },
    120_000,
  );
});
