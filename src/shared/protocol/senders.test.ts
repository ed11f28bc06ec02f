/** The sender checks every receiver makes, in one place. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '~/shared/browser.ts';
import { fromExtensionPage, fromOurExtension, fromUser, topFrame } from './senders.ts';

const tab = { id: 7 } as Runtime.MessageSender['tab'];

describe('sender checks', () => {
  it('knows this extension from any other', () => {
    expect(fromOurExtension({ id: fakeBrowser.runtime.id })).toBe(true);
    expect(fromOurExtension({ id: 'another-extension' })).toBe(false);
    expect(fromOurExtension({})).toBe(false);
  });

  it('knows our own pages from content scripts and other extensions', () => {
    const popup = fakeBrowser.runtime.getURL('src/popup/index.html');
    expect(fromExtensionPage({ id: fakeBrowser.runtime.id, url: popup })).toBe(true);
    // A content script of ours, in a site's page.
    expect(fromExtensionPage({ id: fakeBrowser.runtime.id, url: 'https://chatgpt.com/' })).toBe(
      false,
    );
    // Another extension cannot pass for one of our pages.
    expect(fromExtensionPage({ id: 'another-extension', url: popup })).toBe(false);
    expect(fromExtensionPage({ id: fakeBrowser.runtime.id })).toBe(false);
  });

  it('gives a top frame’s tab and address, and nothing for sub-frames', () => {
    const url = 'https://chatgpt.com/c/1';
    expect(topFrame({ url, frameId: 0, tab })).toEqual({ tabId: 7, url });
    expect(topFrame({ url, frameId: 3, tab })).toBeNull();
    expect(topFrame({ url, frameId: 0 })).toBeNull();
    expect(topFrame({ frameId: 0, tab })).toBeNull();
    expect(topFrame({ url: '', frameId: 0, tab })).toBeNull();
  });

  it('takes only a real user gesture', () => {
    const synthetic = new MouseEvent('click');
    expect(fromUser(synthetic)).toBe(false);
    const real = new MouseEvent('click');
    Object.defineProperty(real, 'isTrusted', { value: true });
    expect(fromUser(real)).toBe(true);
  });
});
