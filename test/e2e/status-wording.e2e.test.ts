/**
 * "Status unknown" says why, truthfully: a status host that cannot be reached is named as
 * unreachable, and only an answer that arrived but cannot be read is called unreadable.
 */
import { describe, expect, it } from 'vitest';
import { browserNames } from './harness/browsers.ts';
import { errorPage } from './harness/fake-sites.ts';
import { useBrowser } from './harness/fixture.ts';

const UNREACHABLE = 'Status unknown: the status page could not be reached';
const UNREADABLE =
  "Status unknown: the status page's answer is not in a form Gateway Guard understands";

describe.each(browserNames())('why the status is unknown, in %s', (name) => {
  const env = useBrowser(name);

  it('names an unreachable status host as unreachable, and garbage as unreadable', async () => {
    const { fake, page } = env;
    // Set up both before the first panel, which reads every site's status at once.
    fake.script('status.claude.com', '*', { destroy: true });
    fake.script('status.perplexity.com', '*', {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"status": {"indicator": 42}, "components": "nope"',
    });

    fake.script('claude.ai', '/chat/unreachable', { status: 502, body: errorPage(502) });
    await page.goto('https://claude.ai/chat/unreachable');
    await page.waitForPanel();
    await expect
      .poll(async () => (await page.panel())?.text ?? '', { timeout: 15_000 })
      .toContain(UNREACHABLE);
    expect((await page.panel())?.text).not.toContain(UNREADABLE);

    fake.script('www.perplexity.ai', '/search/unreadable', { status: 502, body: errorPage(502) });
    await page.goto('https://www.perplexity.ai/search/unreadable');
    await page.waitForPanel();
    await expect
      .poll(async () => (await page.panel())?.text ?? '', { timeout: 15_000 })
      .toContain(UNREADABLE);
    expect((await page.panel())?.text).not.toContain(UNREACHABLE);
  }, 60_000);
});
