/**
 * The background worker. Listeners are registered synchronously at the top level so the
 * browser can wake the worker (or Firefox's event page) for them.
 */
import { browser } from '~/shared/browser.ts';
import { hostPatterns } from '~/sites/index.ts';
import { onMainFrameCompleted, onMainFrameError, onMainFrameHeaders } from './main-frame.ts';
import { onMessage } from './messages.ts';
import { forgetTab } from './tab-loads.ts';

const mainFrames = { urls: hostPatterns(), types: ['main_frame' as const] };

browser.webRequest.onHeadersReceived.addListener(onMainFrameHeaders, mainFrames, [
  'responseHeaders',
]);
browser.webRequest.onCompleted.addListener(onMainFrameCompleted, mainFrames);
browser.webRequest.onErrorOccurred.addListener(onMainFrameError, mainFrames);
browser.runtime.onMessage.addListener(onMessage);
browser.tabs.onRemoved.addListener(forgetTab);
