/** The page learns the user's prompt settings with its first message, and they take effect. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import type { Runtime, WebRequest } from '~/shared/browser.ts';
import { defaultSettings } from '~/shared/settings/model.ts';
import { watchSettings } from './current-settings.ts';
import { noteMainFrameHeaders } from './main-frame.ts';
import { onMessage } from './messages.ts';

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
    watchSettings(() => undefined);
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

describe('pageStarted, after the background saw the answer', () => {
  it('hands the page the verdict decided once from the status and headers', async () => {
    const tabId = 9;
    await noteMainFrameHeaders({
      requestId: 'r9',
      tabId,
      url: 'https://chatgpt.com/c/1',
      type: 'main_frame',
      frameId: 0,
      timeStamp: Date.now(),
      statusCode: 403,
      responseHeaders: [{ name: 'cf-mitigated', value: 'challenge' }],
    } as unknown as WebRequest.OnHeadersReceivedDetailsType);
    const reply = await onMessage({ type: 'pageStarted', status: 403 }, fromPage(tabId));
    expect(reply).toMatchObject({
      status: 403,
      verdict: { kind: 'refusal', refusal: 'challenge', status: 403 },
    });
  });

  it('trusts the page’s own status over an earlier load of the same address', async () => {
    const tabId = 12;
    await noteMainFrameHeaders({
      requestId: 'r12',
      tabId,
      url: 'https://chatgpt.com/c/1',
      type: 'main_frame',
      frameId: 0,
      timeStamp: Date.now(),
      statusCode: 200,
      responseHeaders: [],
    } as unknown as WebRequest.OnHeadersReceivedDetailsType);
    // The reload's 502 reached the page before its headers reached the background.
    const reply = await onMessage({ type: 'pageStarted', status: 502 }, fromPage(tabId));
    expect(reply).toMatchObject({
      status: null,
      verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
    });
  });

  it('judges the status the page read of itself when it did not see the answer', async () => {
    const reply = await onMessage({ type: 'pageStarted', status: 502 }, fromPage(10));
    expect(reply).toMatchObject({
      status: null,
      verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
    });
    const healthy = await onMessage({ type: 'pageStarted', status: null }, fromPage(11));
    expect(healthy).toMatchObject({ status: null, verdict: null });
  });
});
