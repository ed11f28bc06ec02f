import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteDraft, loadDraftFor, moveDraft, saveDraft, wipeDrafts } from './storage.ts';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 60 * 60 * 1000;
const stored = () => fakeBrowser.storage.local.get(null) as Promise<Record<string, unknown>>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('draft storage', () => {
  it('keeps each draft under its own draft: key in local storage', async () => {
    await saveDraft('draft:chatgpt /c/1', 'one');
    await saveDraft('draft:claude /new', 'two');
    expect(await stored()).toEqual({
      'draft:chatgpt /c/1': { text: 'one', savedAt: T0 },
      'draft:claude /new': { text: 'two', savedAt: T0 },
    });
  });

  it('leaves other data in local storage alone, also when wiping drafts', async () => {
    await fakeBrowser.storage.local.set({ options: { theme: 'dark' }, 'draft:x /': 'garbage' });
    await saveDraft('draft:chatgpt /c/1', 'one');
    await wipeDrafts();
    expect(await stored()).toEqual({ options: { theme: 'dark' }, 'draft:x /': 'garbage' });
  });

  it('wipes every draft', async () => {
    await saveDraft('draft:chatgpt /c/1', 'one');
    await saveDraft('draft:gemini /app', 'two');
    await wipeDrafts();
    expect(await stored()).toEqual({});
  });

  it('runs updates in order, so a save then a delete ends deleted', async () => {
    const save = saveDraft('draft:chatgpt /c/1', 'one');
    const drop = deleteDraft('draft:chatgpt /c/1');
    await Promise.all([save, drop]);
    expect(await stored()).toEqual({});
  });

  it('deletes only while the draft still holds the text it was asked to delete', async () => {
    await saveDraft('draft:chatgpt /c/1', 'the next message');
    await deleteDraft('draft:chatgpt /c/1', 'the sent message');
    expect(Object.keys(await stored())).toEqual(['draft:chatgpt /c/1']);
    await deleteDraft('draft:chatgpt /c/1', 'the next message');
    expect(await stored()).toEqual({});
  });

  it('moves a draft to another page, keeping its age', async () => {
    await saveDraft('draft:chatgpt /', 'hello', { sentAt: T0 });
    vi.setSystemTime(T0 + HOUR);
    await moveDraft('draft:chatgpt /', 'draft:chatgpt /c/9', { sentAt: T0 + HOUR });
    expect(await stored()).toEqual({
      'draft:chatgpt /c/9': { text: 'hello', savedAt: T0, sentAt: T0 + HOUR },
    });
    await moveDraft('draft:chatgpt /c/9', 'draft:chatgpt /c/9');
    expect(await stored()).toEqual({ 'draft:chatgpt /c/9': { text: 'hello', savedAt: T0 } });
  });

  it('finds the page’s draft and drops expired ones on the way', async () => {
    await saveDraft('draft:chatgpt /c/old', 'old');
    vi.setSystemTime(T0 + 23 * HOUR);
    await saveDraft('draft:chatgpt /c/1', 'fresh');
    vi.setSystemTime(T0 + 25 * HOUR);
    expect(await loadDraftFor('draft:chatgpt /c/1')).toEqual({
      key: 'draft:chatgpt /c/1',
      draft: { text: 'fresh', savedAt: T0 + 23 * HOUR },
    });
    expect(Object.keys(await stored())).toEqual(['draft:chatgpt /c/1']);
    expect(await loadDraftFor('draft:chatgpt /c/old')).toBeNull();
  });

  it('keeps going after a failed write', async () => {
    const set = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValueOnce(new Error('quota'));
    await expect(saveDraft('draft:chatgpt /c/1', 'one')).rejects.toThrow('quota');
    set.mockRestore();
    await saveDraft('draft:chatgpt /c/1', 'two');
    expect(await stored()).toEqual({ 'draft:chatgpt /c/1': { text: 'two', savedAt: T0 } });
  });
});
