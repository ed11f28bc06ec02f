/**
 * Unit tests run against an in-memory browser (@webext-core/fake-browser) in place of the
 * one module that imports webextension-polyfill. i18n is served from the real catalogue.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';
import { englishMessage } from './english.ts';

vi.mock('~/shared/browser.ts', () => ({ browser: fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = englishMessage as typeof fakeBrowser.i18n.getMessage;
});
