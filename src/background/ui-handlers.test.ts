/**
 * The popup's and options' requests: answered only for the extension's own pages, and
 * acting only on tabs that show a covered site (or the recovery page for one).
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '~/shared/browser.ts';
import { HISTORY_KEY } from '~/shared/history.ts';
import type { IncidentEvent } from '~/shared/incident.ts';
import { recoveryQuery } from '~/shared/recovery-link.ts';
import { forgetCache, getIncident } from './incident-store.ts';
import { onMessage } from './messages.ts';
import { record } from './record-incident.ts';
import { RECOVERY_PAGE } from './recovery.ts';

const failure: IncidentEvent = {
  type: 'failure',
  siteId: 'chatgpt',
  url: 'https://chatgpt.com/c/1',
  verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
  surface: 'page',
};

const popup = (): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('src/popup/index.html'),
});
/** A content script: our extension, but running inside a site's page. */
const contentScript = (tabId: number): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://chatgpt.com/c/1',
  frameId: 0,
  tab: { id: tabId } as Runtime.MessageSender['tab'],
});

const reloads: Array<{ tabId: number; bypassCache?: boolean }> = [];
const cleared: unknown[] = [];

beforeEach(() => {
  forgetCache();
  reloads.length = 0;
  cleared.length = 0;
  Object.assign(fakeBrowser.tabs, {
    reload: async (tabId: number, options?: { bypassCache?: boolean }) => {
      reloads.push({ tabId, ...options });
    },
  });
  Object.assign(fakeBrowser, {
    browsingData: { remove: vi.fn(async (...args: unknown[]) => void cleared.push(args)) },
  });
});

async function tab(url: string): Promise<number> {
  return (await fakeBrowser.tabs.create({ url })).id ?? -1;
}

describe('popupTab', () => {
  it('describes a covered tab with its running incident', async () => {
    const tabId = await tab('https://chatgpt.com/c/1');
    await record(tabId, failure);
    const answer = await onMessage({ type: 'popupTab', tabId }, popup());
    expect(answer).toMatchObject({
      tab: {
        tabId,
        siteId: 'chatgpt',
        siteName: 'ChatGPT',
        enabled: true,
        onRecoveryPage: false,
        statusPage: 'https://status.openai.com',
        incident: { count: 1, failure: { status: 502 } },
      },
    });
  });

  it('finds the failed address of a tab on the recovery page', async () => {
    const query = recoveryQuery({ kind: 'http', status: 503 }, 'https://claude.ai/new');
    const tabId = await tab(fakeBrowser.runtime.getURL(RECOVERY_PAGE) + query);
    const answer = await onMessage({ type: 'popupTab', tabId }, popup());
    expect(answer).toMatchObject({
      tab: { siteId: 'claude', url: 'https://claude.ai/new', onRecoveryPage: true },
    });
  });

  it('answers null for other pages, unknown tabs and bad ids', async () => {
    const other = await tab('https://example.org/');
    for (const tabId of [other, 9999, -1, 1.5, 'x']) {
      expect(await onMessage({ type: 'popupTab', tabId }, popup())).toEqual({ tab: null });
    }
  });

  it('answers nothing to a content script', async () => {
    const tabId = await tab('https://chatgpt.com/c/1');
    expect(await onMessage({ type: 'popupTab', tabId }, contentScript(tabId))).toEqual({
      tab: null,
    });
  });
});

describe('popupTabAction', () => {
  it('retries: logs the fix and reloads the tab', async () => {
    const tabId = await tab('https://chatgpt.com/c/1');
    await record(tabId, failure);
    const answer = await onMessage({ type: 'popupTabAction', tabId, action: 'retry' }, popup());
    expect(answer).toEqual({ ok: true, cacheCleared: false });
    expect(reloads).toEqual([{ tabId, bypassCache: false }]);
    expect((await getIncident(tabId))?.fixes.map((f) => f.fix)).toEqual(['retry-now']);
  });

  it('retries from the recovery page by going back to the failed address', async () => {
    const query = recoveryQuery({ kind: 'http', status: 502 }, 'https://chatgpt.com/c/7');
    const tabId = await tab(fakeBrowser.runtime.getURL(RECOVERY_PAGE) + query);
    await onMessage({ type: 'popupTabAction', tabId, action: 'retry' }, popup());
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe('https://chatgpt.com/c/7');
  });

  it("clears only that site's data, then reloads without the cache", async () => {
    const tabId = await tab('https://chatgpt.com/c/1');
    const answer = await onMessage(
      { type: 'popupTabAction', tabId, action: 'clear-storage' },
      popup(),
    );
    expect(answer).toEqual({ ok: true, cacheCleared: true });
    expect(JSON.stringify(cleared)).toContain('https://chatgpt.com');
    expect(JSON.stringify(cleared)).not.toContain('claude');
    expect(reloads).toEqual([{ tabId, bypassCache: true }]);
  });

  it('refuses uncovered tabs, unknown actions and content scripts', async () => {
    const other = await tab('https://example.org/');
    const covered = await tab('https://chatgpt.com/c/1');
    const refused = { ok: false, cacheCleared: false };
    expect(
      await onMessage({ type: 'popupTabAction', tabId: other, action: 'retry' }, popup()),
    ).toEqual(refused);
    expect(
      await onMessage({ type: 'popupTabAction', tabId: covered, action: 'format' }, popup()),
    ).toEqual(refused);
    expect(
      await onMessage(
        { type: 'popupTabAction', tabId: covered, action: 'clear-cookies' },
        contentScript(covered),
      ),
    ).toEqual(refused);
    expect(reloads).toEqual([]);
    expect(cleared).toEqual([]);
  });
});

describe('history requests', () => {
  it('lists ended incidents, and wipes them with the drafts', async () => {
    const tabId = await tab('https://chatgpt.com/c/1');
    await record(tabId, failure);
    await record(tabId, { type: 'page-loaded', siteId: 'chatgpt', healthy: true });
    await expect
      .poll(async () => (await onMessage({ type: 'incidentHistory' }, popup())) as unknown)
      .toMatchObject({ entries: [{ siteId: 'chatgpt', code: 502, ended: 'recovered' }] });

    await fakeBrowser.storage.local.set({ 'draft:chatgpt /c/1': { text: 'hi', savedAt: 1 } });
    expect(await onMessage({ type: 'wipeHistory' }, popup())).toEqual({ ok: true });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('gives a content script neither the history nor a wipe', async () => {
    const entry = { siteId: 'claude', kind: 'http', code: 503, startedAt: 1, endedAt: Date.now() };
    await fakeBrowser.storage.local.set({ [HISTORY_KEY]: [{ ...entry, count: 1, ended: 'left' }] });
    expect(await onMessage({ type: 'incidentHistory' }, contentScript(1))).toEqual({ entries: [] });
    expect(await onMessage({ type: 'wipeHistory' }, contentScript(1))).toEqual({ ok: false });
    expect(await fakeBrowser.storage.local.get(HISTORY_KEY)).not.toEqual({});
  });
});
