/** Private windows: their incidents never reach the history on disk. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_KEY } from '~/shared/history.ts';
import type { IncidentEvent } from '~/shared/incident.ts';
import { forgetCache } from './incident-store.ts';
import { isPrivateTab, notePrivacy } from './private-tabs.ts';
import { closeTab, record } from './record-incident.ts';

const fail: IncidentEvent = {
  type: 'failure',
  siteId: 'chatgpt',
  url: 'https://chatgpt.com/c/1',
  verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
  surface: 'page',
};
const history = async () => (await fakeBrowser.storage.local.get(HISTORY_KEY))[HISTORY_KEY];
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => forgetCache());

describe('private windows', () => {
  it('log no recovery of a private tab', async () => {
    await notePrivacy({ id: 41, incognito: true });
    await record(41, fail);
    await record(41, { type: 'page-loaded', siteId: 'chatgpt', healthy: true });
    await settle();
    expect(await history()).toBeUndefined();
  });

  it('log no closed private tab, also once the tab is gone', async () => {
    await notePrivacy({ id: 42, incognito: true });
    await record(42, fail);
    await closeTab(42);
    await settle();
    expect(await history()).toBeUndefined();
  });

  it('still log a normal tab', async () => {
    await notePrivacy({ id: 43, incognito: false });
    await record(43, fail);
    await closeTab(43);
    await expect.poll(history).toEqual([expect.objectContaining({ ended: 'closed' })]);
  });

  it('remember a private tab in memory-only session storage, across a worker restart', async () => {
    await notePrivacy({ id: 44, incognito: true });
    expect(await fakeBrowser.storage.session.get('private-tabs')).toEqual({ 'private-tabs': [44] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await fakeBrowser.storage.session.set({ 'private-tabs': [45] });
    expect(await isPrivateTab(45)).toBe(true);
    expect(await isPrivateTab(46)).toBe(false);
  });
});
