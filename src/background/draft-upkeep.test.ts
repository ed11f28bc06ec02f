import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DRAFT_PRUNE_ALARM,
  listenForDraftAlarm,
  onWindowClosed,
  restrictStorageToTrustedContexts,
  startDraftUpkeep,
} from './draft-upkeep.ts';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 60 * 60 * 1000;
const local = () => fakeBrowser.storage.local.get(null) as Promise<Record<string, unknown>>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('draft upkeep', () => {
  it('drops expired drafts of sites nobody revisits when the worker starts', async () => {
    await fakeBrowser.storage.local.set({
      'draft:claude /chat/1': { text: 'old', savedAt: T0 - 25 * HOUR },
      'draft:chatgpt /c/1': { text: 'fresh', savedAt: T0 - HOUR },
      history: ['kept'],
    });
    await startDraftUpkeep();
    expect(await local()).toEqual({
      'draft:chatgpt /c/1': { text: 'fresh', savedAt: T0 - HOUR },
      history: ['kept'],
    });
    expect(await fakeBrowser.alarms.get(DRAFT_PRUNE_ALARM)).toMatchObject({ periodInMinutes: 60 });
  });

  it('drops them again when the hourly alarm fires', async () => {
    listenForDraftAlarm();
    await fakeBrowser.storage.local.set({
      'draft:gemini /app': { text: 'soon old', savedAt: T0 - 23 * HOUR },
    });
    vi.setSystemTime(T0 + 2 * HOUR);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: DRAFT_PRUNE_ALARM,
      scheduledTime: Date.now(),
      periodInMinutes: 60,
    } as never);
    await vi.waitFor(async () => expect(await local()).toEqual({}));
  });

  it('forgets private drafts when no private window is left', async () => {
    await fakeBrowser.storage.session.set({
      'draft:chatgpt /c/1': { text: 'private', savedAt: T0 },
      'incident:3': { kept: true },
    });
    fakeBrowser.windows.getAll = (async () => [{ incognito: false }]) as never;
    await onWindowClosed();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'incident:3': { kept: true } });
  });

  it('keeps private drafts while a private window is open', async () => {
    await fakeBrowser.storage.session.set({ 'draft:chatgpt /c/1': { text: 'p', savedAt: T0 } });
    fakeBrowser.windows.getAll = (async () => [{ incognito: true }]) as never;
    await onWindowClosed();
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual([
      'draft:chatgpt /c/1',
    ]);
  });

  it('closes local and sync storage to content scripts where the browser can', async () => {
    const calls: unknown[] = [];
    const spy = async (level: unknown) => void calls.push(level);
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: spy });
    Object.assign(fakeBrowser.storage.sync, { setAccessLevel: spy });
    await restrictStorageToTrustedContexts();
    expect(calls).toEqual([
      { accessLevel: 'TRUSTED_CONTEXTS' },
      { accessLevel: 'TRUSTED_CONTEXTS' },
    ]);
    delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel;
    delete (fakeBrowser.storage.sync as { setAccessLevel?: unknown }).setAccessLevel;
  });
});
