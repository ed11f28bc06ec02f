import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '~/shared/incident.ts';
import { badges, tabMessages } from '../../test/unit/setup.ts';
import { forgetCache, getIncident, updateIncident } from './incident-store.ts';
import { record } from './record-incident.ts';

const failure: IncidentEvent = {
  type: 'failure',
  siteId: 'chatgpt',
  url: 'https://chatgpt.com/c/1',
  verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
  surface: 'compact',
};

beforeEach(() => forgetCache());

describe('incident store', () => {
  it('counts 300 concurrent failures exactly', async () => {
    await Promise.all(Array.from({ length: 300 }, () => updateIncident(7, failure)));
    expect((await getIncident(7))?.count).toBe(300);
  });

  it('keeps the incident when the worker is stopped and restarted', async () => {
    await Promise.all(Array.from({ length: 5 }, () => updateIncident(8, failure)));
    await expect
      .poll(async () => (await fakeBrowser.storage.session.get('incident:8'))['incident:8'])
      .toBeTruthy();
    forgetCache(); // What a restarted worker remembers: only what is in storage.
    expect((await getIncident(8))?.count).toBe(5);
    await updateIncident(8, failure);
    expect((await getIncident(8))?.count).toBe(6);
  });

  it('removes it from storage when the episode ends', async () => {
    await updateIncident(9, failure);
    await updateIncident(9, { type: 'chat-ok' });
    await expect
      .poll(async () => Object.keys(await fakeBrowser.storage.session.get(null)))
      .toEqual([]);
  });

  it('keeps tabs apart', async () => {
    await updateIncident(1, failure);
    await updateIncident(2, failure);
    await updateIncident(2, failure);
    expect((await getIncident(1))?.count).toBe(1);
    expect((await getIncident(2))?.count).toBe(2);
  });
});

describe('record', () => {
  it('sets the badge to the code and clears it on recovery', async () => {
    await record(3, failure);
    expect(badges.get(3)).toBe('502');
    await record(3, { type: 'page-loaded', siteId: 'chatgpt', healthy: true });
    expect(badges.get(3)).toBe('');
  });

  it('tells the page about a storm without a message per failure, the last count last', async () => {
    await Promise.all(Array.from({ length: 300 }, () => record(4, failure)));
    await expect
      .poll(
        () => (tabMessages.at(-1)?.message as { incident?: { count: number } })?.incident?.count,
        { timeout: 2000 },
      )
      .toBe(300);
    expect(tabMessages.length).toBeLessThan(10);
  });
});
