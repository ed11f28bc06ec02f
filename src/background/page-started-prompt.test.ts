/** The page learns the user's prompt settings with its first message, and they take effect. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '~/shared/browser.ts';
import { defaultSettings } from '~/shared/settings.ts';
import { onMessage } from './messages.ts';
import { watchSettings } from './settings-cache.ts';

const fromPage = (tabId: number): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://chatgpt.com/c/1',
  frameId: 0,
  tab: { id: tabId } as Runtime.MessageSender['tab'],
});

describe('pageStarted', () => {
  it('answers with the prompt mode, the retry limits and the draft retention', async () => {
    const settings = defaultSettings();
    settings.prompt = 'compact';
    settings.autoRetry = { enabled: true, limitMinutes: 30 };
    settings.drafts = { enabled: true, keepHours: 6 };
    await fakeBrowser.storage.sync.set({ settings });
    watchSettings();
    const reply = await onMessage({ type: 'pageStarted', status: null }, fromPage(1));
    expect(reply).toMatchObject({
      site: { id: 'chatgpt' },
      prompt: {
        mode: 'compact',
        autoRetry: { limitMs: 30 * 60_000 },
        drafts: { maxAgeMs: 6 * 60 * 60 * 1000 },
      },
    });

    // A change in the options reaches the next page without a restart.
    await fakeBrowser.storage.sync.set({
      settings: {
        ...settings,
        prompt: 'off',
        autoRetry: { ...settings.autoRetry, enabled: false },
        drafts: { ...settings.drafts, enabled: false },
      },
    });
    await expect
      .poll(
        async () =>
          (await onMessage({ type: 'pageStarted', status: null }, fromPage(2))) as unknown,
      )
      .toMatchObject({ prompt: { mode: 'off', autoRetry: null, drafts: null } });
  });
});
