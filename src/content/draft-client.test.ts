/** What the page sends the background of a draft stays within any message's size. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { DRAFT_LIMITS } from '~/shared/drafts/rules.ts';
import { MAX_MESSAGE_CHARS } from '~/shared/protocol/read.ts';
import { saveDraft } from './draft-client.ts';

describe('saveDraft', () => {
  it('sends only the part of a long text that is kept', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
      sent.push(message);
      return { ok: true };
    }) as typeof fakeBrowser.runtime.sendMessage;
    await saveDraft('draft:chatgpt /c/1', '\u0000'.repeat(MAX_MESSAGE_CHARS));
    const [message] = sent as Array<{ text: string }>;
    expect(message?.text).toBe('\u0000'.repeat(DRAFT_LIMITS.maxChars));
    expect(JSON.stringify(message).length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  });
});
