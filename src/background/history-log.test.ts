/** The glue: an incident that ends (recovered, left, tab closed) lands in the history. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_KEY } from '~/shared/history.ts';
import type { IncidentEvent } from '~/shared/incident.ts';
import { forgetCache } from './incident-store.ts';
import { closeTab, record } from './record-incident.ts';

const fail = (url = 'https://chatgpt.com/c/1', status = 502): IncidentEvent => ({
  type: 'failure',
  siteId: 'chatgpt',
  url,
  verdict: { kind: 'outage', failure: { kind: 'http', status } },
  surface: 'page',
});

const history = async () =>
  ((await fakeBrowser.storage.local.get(HISTORY_KEY))[HISTORY_KEY] ?? []) as Array<{
    ended: string;
    code: number | null;
    count: number;
  }>;

beforeEach(() => forgetCache());

describe('incident history', () => {
  it('logs a recovery, with the count', async () => {
    await record(1, fail());
    await record(1, fail());
    await record(1, { type: 'page-loaded', siteId: 'chatgpt', healthy: true });
    await expect.poll(history).toEqual([expect.objectContaining({ ended: 'recovered', count: 2 })]);
  });

  it('logs leaving the site, and a new episode replacing the old one', async () => {
    await record(2, fail('https://chatgpt.com/c/1', 502));
    await record(2, fail('https://chatgpt.com/c/2', 503));
    await record(2, { type: 'page-loaded', siteId: null, healthy: true });
    await expect
      .poll(history)
      .toEqual([
        expect.objectContaining({ ended: 'left', code: 503 }),
        expect.objectContaining({ ended: 'left', code: 502 }),
      ]);
  });

  it('logs a closed tab', async () => {
    await record(3, fail());
    await closeTab(3);
    await expect.poll(history).toEqual([expect.objectContaining({ ended: 'closed' })]);
  });

  it('logs nothing while an episode goes on, nor for a tab without one', async () => {
    await record(4, fail());
    await record(4, { type: 'fix', fix: 'retry-now', result: 'retried' });
    await closeTab(5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await history()).toEqual([]);
  });
});
