/**
 * Unit tests run against an in-memory browser (@webext-core/fake-browser) in place of the
 * one module that imports webextension-polyfill. The few APIs it lacks get small in-memory
 * versions here: i18n from the real catalogue, the badge, and messages to tabs.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';
import { englishMessage } from './english.ts';

vi.mock('~/shared/browser.ts', () => ({ browser: fakeBrowser }));

/** What the background told each tab, in order. */
export const tabMessages: Array<{ tabId: number; message: unknown }> = [];
/** The badge text of each tab. */
export const badges = new Map<number, string>();

beforeEach(() => {
  // No unit test reaches the network: code that fetches without a test's own stub fails
  // fast, as if offline.
  vi.stubGlobal('fetch', async () => {
    throw new TypeError('unit tests have no network');
  });
  fakeBrowser.reset();
  tabMessages.length = 0;
  badges.clear();
  fakeBrowser.i18n.getMessage = englishMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.tabs.sendMessage = (async (tabId: number, message: unknown) => {
    tabMessages.push({ tabId, message });
  }) as typeof fakeBrowser.tabs.sendMessage;
  Object.assign(fakeBrowser.action, {
    setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => {
      badges.set(tabId, text);
    },
    setBadgeBackgroundColor: async () => undefined,
    setBadgeTextColor: async () => undefined,
  });
});
