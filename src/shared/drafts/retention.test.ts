/** The settings' "keep drafts for": a shorter retention drops older drafts on the next read. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_LIMITS } from './rules.ts';
import { loadDraftFor, pruneStoredDrafts, saveDraft, setDraftRetention } from './storage.ts';

const HOUR = 60 * 60 * 1000;
const key = 'draft:chatgpt /c/1';

afterEach(() => {
  setDraftRetention(DRAFT_LIMITS.maxAgeMs);
  vi.useRealTimers();
});

describe('draft retention', () => {
  it('keeps a draft for the hours the user chose, not the default day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
    setDraftRetention(1 * HOUR);
    await saveDraft(key, 'my question');
    vi.setSystemTime(HOUR / 2);
    expect((await loadDraftFor(key))?.draft.text).toBe('my question');
    vi.setSystemTime(2 * HOUR);
    expect(await loadDraftFor(key)).toBeNull();
  });

  it('drops the drafts a shorter retention no longer keeps', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
    await saveDraft(key, 'older text');
    vi.setSystemTime(3 * HOUR);
    setDraftRetention(2 * HOUR);
    await pruneStoredDrafts();
    setDraftRetention(DRAFT_LIMITS.maxAgeMs); // Even back at a day, it is gone.
    expect(await loadDraftFor(key)).toBeNull();
  });

  it('ignores nonsense', async () => {
    setDraftRetention(Number.NaN);
    setDraftRetention(-5);
    await saveDraft(key, 'kept');
    expect((await loadDraftFor(key))?.draft.text).toBe('kept');
  });
});
