import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '~/shared/browser.ts';
import { onMessage } from './messages.ts';

let tabId: number;
const ownId = () => fakeBrowser.runtime.id;

beforeEach(async () => {
  tabId = (await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/c/1' })).id ?? -1;
});

function fromPage(url: string, extra: Partial<Runtime.MessageSender> = {}): Runtime.MessageSender {
  return {
    id: ownId(),
    url,
    frameId: 0,
    tab: { id: tabId } as Runtime.MessageSender['tab'],
    ...extra,
  };
}

describe('background messages', () => {
  it('answers ping from its own contexts', async () => {
    expect(await onMessage({ type: 'ping' }, { id: ownId() })).toEqual({ type: 'pong' });
  });

  it('ignores other extensions, malformed and unknown messages', () => {
    expect(onMessage({ type: 'ping' }, { id: 'someone-else' })).toBeUndefined();
    expect(onMessage('ping', { id: ownId() })).toBeUndefined();
    expect(onMessage(null, { id: ownId() })).toBeUndefined();
    expect(onMessage({ type: 'nope' }, { id: ownId() })).toBeUndefined();
  });

  it('opens the recovery page only for the sender’s own tab and own address', async () => {
    const reply = await onMessage(
      { type: 'openRecovery', status: 502, url: 'https://elsewhere.example/' },
      fromPage('https://chatgpt.com/c/1'),
    );
    expect(reply).toEqual({ ok: true });
    await expect
      .poll(async () => (await fakeBrowser.tabs.get(tabId)).url)
      .toContain(`url=${encodeURIComponent('https://chatgpt.com/c/1')}`);
  });

  it('refuses recovery for sub-frames and uncovered pages', async () => {
    expect(
      await onMessage(
        { type: 'openRecovery', status: 502 },
        fromPage('https://chatgpt.com/', { frameId: 3 }),
      ),
    ).toEqual({ ok: false });
    expect(
      await onMessage({ type: 'openRecovery', status: 502 }, fromPage('https://example.org/')),
    ).toEqual({ ok: false });
    expect(
      await onMessage(
        { type: 'openRecovery', status: 502 },
        { id: ownId(), url: 'https://chatgpt.com/' },
      ),
    ).toEqual({ ok: false });
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe('https://chatgpt.com/c/1');
  });
});
