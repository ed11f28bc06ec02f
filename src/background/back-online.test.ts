import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '~/shared/incident.ts';
import { SETTINGS_KEY } from '~/shared/settings/storage.ts';
import { watchSettings } from './current-settings.ts';
import { forgetCache } from './incident-store.ts';
import { record } from './record-incident.ts';

const failed: IncidentEvent = {
  type: 'failure',
  siteId: 'chatgpt',
  url: 'https://chatgpt.com/c/1',
  verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
  surface: 'page',
};
let granted = true;

async function notifications() {
  await new Promise((r) => setTimeout(r, 100));
  return Object.keys(await fakeBrowser.notifications.getAll());
}

beforeEach(async () => {
  forgetCache();
  granted = true;
  fakeBrowser.permissions.contains = (async () =>
    granted) as typeof fakeBrowser.permissions.contains;
  watchSettings(() => undefined);
});

async function turnOn(on: boolean) {
  await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 2, notifyBackOnline: on } });
}

describe('back-online notification', () => {
  it('tells the user when a failed site loads healthy again', async () => {
    await turnOn(true);
    await record(5, failed);
    await record(5, { type: 'page-loaded', siteId: 'chatgpt', healthy: true });
    await expect.poll(notifications).toEqual(['back-online:chatgpt']);
  });

  it('stays quiet when turned off, without the permission, or when the user left', async () => {
    await turnOn(false);
    await record(6, failed);
    await record(6, { type: 'page-loaded', siteId: 'chatgpt', healthy: true });
    expect(await notifications()).toEqual([]);

    await turnOn(true);
    granted = false;
    await record(6, failed);
    await record(6, { type: 'page-loaded', siteId: 'chatgpt', healthy: true });
    expect(await notifications()).toEqual([]);

    granted = true;
    await record(6, failed);
    await record(6, { type: 'page-loaded', siteId: null, healthy: true });
    expect(await notifications()).toEqual([]);
  });
});
