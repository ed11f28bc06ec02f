import { describe, expect, it } from 'vitest';
import {
  DRAFT_LIMITS,
  type Drafts,
  draftChanges,
  draftKey,
  findDraft,
  getDraft,
  isDraft,
  isDraftKey,
  isNewChatKey,
  pruneDrafts,
  putDraft,
  removeDraft,
} from './rules.ts';

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);
const key = (path: string, site = 'chatgpt') => `draft:${site} ${path}`;

describe('draftKey', () => {
  it('is the site id and the path, without query, hash or trailing slash', () => {
    expect(draftKey('chatgpt', 'https://chatgpt.com/c/123?model=gpt-5#bottom')).toBe(
      'draft:chatgpt /c/123',
    );
    expect(draftKey('chatgpt', 'https://chatgpt.com/c/123/')).toBe('draft:chatgpt /c/123');
    expect(draftKey('chatgpt', 'https://chatgpt.com/')).toBe('draft:chatgpt /');
    expect(draftKey('chatgpt', 'https://chatgpt.com')).toBe('draft:chatgpt /');
    expect(draftKey('huggingchat', 'https://huggingface.co/chat/conversation/9')).toBe(
      'draft:huggingchat /chat/conversation/9',
    );
  });

  it('keeps sites apart on the same path', () => {
    expect(draftKey('claude', 'https://claude.ai/new')).not.toBe(
      draftKey('chatgpt', 'https://chatgpt.com/new'),
    );
  });

  it('falls back to the root for something that is not a URL', () => {
    expect(draftKey('gemini', 'not a url')).toBe('draft:gemini /');
  });

  it('gives every key the one prefix', () => {
    expect(isDraftKey(draftKey('gemini', 'https://gemini.google.com/app/1'))).toBe(true);
    expect(isDraftKey('incident:3')).toBe(false);
  });

  it('tells new-chat pages from conversations', () => {
    for (const path of ['/', '/new', '/app', '/chat']) expect(isNewChatKey(key(path))).toBe(true);
    for (const path of ['/c/123', '/app/4f2a9c', '/chat/1b2c-3d', '/a/chat/s/9']) {
      expect(isNewChatKey(key(path))).toBe(false);
    }
  });
});

describe('putDraft and getDraft', () => {
  it('saves and reads back a draft', () => {
    const drafts = putDraft({}, key('/c/1'), 'Hello there', T0);
    expect(getDraft(drafts, key('/c/1'), T0)).toEqual({ text: 'Hello there', savedAt: T0 });
    expect(getDraft(drafts, key('/c/2'), T0)).toBeNull();
  });

  it('replaces the draft of the same page and never mutates the input', () => {
    const first = putDraft({}, key('/c/1'), 'one', T0);
    const second = putDraft(first, key('/c/1'), 'two', T0 + 1);
    expect(first[key('/c/1')]?.text).toBe('one');
    expect(second[key('/c/1')]).toEqual({ text: 'two', savedAt: T0 + 1 });
    expect(Object.keys(second)).toHaveLength(1);
  });

  it('removes the draft when the text is blank', () => {
    const drafts = putDraft({}, key('/c/1'), 'one', T0);
    expect(putDraft(drafts, key('/c/1'), '  \n ', T0)).toEqual({});
  });

  it('keeps the first maxChars characters of a long text', () => {
    const long = `${'a'.repeat(DRAFT_LIMITS.maxChars)}TAIL`;
    const drafts = putDraft({}, key('/c/1'), long, T0);
    expect(drafts[key('/c/1')]?.text).toBe('a'.repeat(DRAFT_LIMITS.maxChars));
    expect(DRAFT_LIMITS.maxChars).toBe(20_000);
  });

  it('records when a text was sent, and keeps an age it is given', () => {
    const drafts = putDraft({}, key('/c/1'), 'sent', T0 + 5, { sentAt: T0 + 5, savedAt: T0 });
    expect(drafts[key('/c/1')]).toEqual({ text: 'sent', savedAt: T0, sentAt: T0 + 5 });
  });

  it('expires a draft after 24 hours, counted from its last save', () => {
    const drafts = putDraft({}, key('/c/1'), 'old', T0);
    expect(DRAFT_LIMITS.maxAgeMs).toBe(24 * HOUR);
    expect(getDraft(drafts, key('/c/1'), T0 + 24 * HOUR)).not.toBeNull();
    expect(getDraft(drafts, key('/c/1'), T0 + 24 * HOUR + 1)).toBeNull();
    const saved = putDraft(drafts, key('/c/1'), 'old, edited', T0 + 20 * HOUR);
    expect(getDraft(saved, key('/c/1'), T0 + 30 * HOUR)?.text).toBe('old, edited');
  });

  it('follows the limits it is given', () => {
    const limits = { maxAgeMs: 1000, maxChars: 3, maxPerSite: 1 };
    let drafts = putDraft({}, key('/c/1'), 'abcdef', T0, {}, limits);
    expect(drafts[key('/c/1')]?.text).toBe('abc');
    drafts = putDraft(drafts, key('/c/2'), 'xyz', T0 + 1, {}, limits);
    expect(Object.keys(drafts)).toEqual([key('/c/2')]);
    expect(getDraft(drafts, key('/c/2'), T0 + 1002, limits)).toBeNull();
  });
});

describe('count bound', () => {
  const many = (n: number, start = T0): Drafts => {
    let drafts: Drafts = {};
    for (let i = 0; i < n; i++) drafts = putDraft(drafts, key(`/c/${i}`), `draft ${i}`, start + i);
    return drafts;
  };

  it('keeps at most 20 drafts of one site', () => {
    expect(DRAFT_LIMITS.maxPerSite).toBe(20);
    expect(Object.keys(many(20))).toHaveLength(20);
    expect(Object.keys(many(45))).toHaveLength(20);
  });

  it("never evicts another site's drafts, however many one site saves", () => {
    let drafts: Drafts = putDraft({}, draftKey('claude', 'https://claude.ai/chat/1'), 'mine', T0);
    for (let i = 0; i < 500; i++)
      drafts = putDraft(drafts, key(`/c/${i}`), `flood ${i}`, T0 + i + 1);
    expect(drafts[draftKey('claude', 'https://claude.ai/chat/1')]?.text).toBe('mine');
    expect(Object.keys(drafts)).toHaveLength(21);
  });

  it('evicts the drafts saved longest ago first', () => {
    const drafts = many(22);
    expect(drafts[key('/c/0')]).toBeUndefined();
    expect(drafts[key('/c/1')]).toBeUndefined();
    expect(drafts[key('/c/2')]?.text).toBe('draft 2');
    expect(drafts[key('/c/21')]?.text).toBe('draft 21');
  });

  it('counts a re-saved draft as new', () => {
    let drafts = many(20);
    drafts = putDraft(drafts, key('/c/0'), 'draft 0, edited', T0 + 100);
    drafts = putDraft(drafts, key('/c/new'), 'one more', T0 + 101);
    expect(drafts[key('/c/0')]?.text).toBe('draft 0, edited');
    expect(drafts[key('/c/1')]).toBeUndefined();
  });

  it('never evicts the draft just saved', () => {
    const drafts = putDraft(many(20, T0 + 1000), key('/c/late'), 'now', T0 + 2000);
    expect(drafts[key('/c/late')]?.text).toBe('now');
    expect(Object.keys(drafts)).toHaveLength(20);
  });
});

describe('pruneDrafts', () => {
  it('drops expired drafts and returns the same record when nothing changes', () => {
    const drafts = putDraft(putDraft({}, key('/c/1'), 'old', T0), key('/c/2'), 'new', T0 + HOUR);
    expect(pruneDrafts(drafts, T0 + 2 * HOUR)).toBe(drafts);
    expect(Object.keys(pruneDrafts(drafts, T0 + 24 * HOUR + 1))).toEqual([key('/c/2')]);
  });

  it('breaks ties in age by key, so every tab evicts the same drafts', () => {
    const drafts = {
      [key('/b')]: { text: 'b', savedAt: T0 },
      [key('/a')]: { text: 'a', savedAt: T0 },
    };
    const limits = { ...DRAFT_LIMITS, maxPerSite: 1 };
    expect(Object.keys(pruneDrafts(drafts, T0, limits))).toEqual([key('/a')]);
  });
});

describe('removeDraft', () => {
  it('removes one draft, and returns the same record when there is none', () => {
    const drafts = putDraft(putDraft({}, key('/c/1'), 'one', T0), key('/c/2'), 'two', T0);
    expect(Object.keys(removeDraft(drafts, key('/c/1')))).toEqual([key('/c/2')]);
    expect(removeDraft(drafts, key('/c/9'))).toBe(drafts);
  });
});

describe('findDraft', () => {
  const sent = (path: string, at: number, site = 'chatgpt') => ({
    [key(path, site)]: { text: `sent on ${path}`, savedAt: at, sentAt: at },
  });

  it('finds the page’s own draft first', () => {
    const drafts = { ...putDraft({}, key('/'), 'own', T0), ...sent('/c/9', T0 + 10) };
    expect(findDraft(drafts, key('/'), T0 + 20)).toEqual({
      key: key('/'),
      draft: { text: 'own', savedAt: T0 },
    });
  });

  it('on a new-chat page, falls back to the site’s newest message whose send failed', () => {
    const drafts = { ...sent('/c/1', T0), ...sent('/c/2', T0 + 5), ...sent('/c/3', T0 + 1) };
    expect(findDraft(drafts, key('/'), T0 + 10)?.key).toBe(key('/c/2'));
  });

  it('does not move unsent drafts of other conversations, other sites or expired ones', () => {
    const drafts = {
      ...putDraft({}, key('/c/1'), 'unsent elsewhere', T0),
      ...sent('/new', T0, 'claude'),
      ...sent('/c/old', T0 - 25 * HOUR),
    };
    expect(findDraft(drafts, key('/'), T0 + 1)).toBeNull();
  });

  it('never falls back on a conversation’s own page', () => {
    expect(findDraft(sent('/c/1', T0), key('/c/2'), T0 + 1)).toBeNull();
  });

  it('ignores an expired draft of the page itself', () => {
    expect(findDraft(putDraft({}, key('/c/1'), 'x', T0), key('/c/1'), T0 + 25 * HOUR)).toBeNull();
  });
});

describe('draftChanges', () => {
  it('lists the drafts to write and the keys to remove', () => {
    const before = putDraft(putDraft({}, key('/c/1'), 'one', T0), key('/c/2'), 'two', T0);
    const after = putDraft(removeDraft(before, key('/c/1')), key('/c/3'), 'three', T0 + 1);
    expect(draftChanges(before, after)).toEqual({
      set: { [key('/c/3')]: { text: 'three', savedAt: T0 + 1 } },
      remove: [key('/c/1')],
    });
    expect(draftChanges(before, before)).toEqual({ set: {}, remove: [] });
  });
});

describe('isDraft', () => {
  it('accepts only what a draft looks like', () => {
    expect(isDraft({ text: 'x', savedAt: 1 })).toBe(true);
    expect(isDraft({ text: 'x' })).toBe(false);
    expect(isDraft(null)).toBe(false);
    expect(isDraft('x')).toBe(false);
  });
});
