/**
 * The background worker. Listeners are registered synchronously at the top level so the
 * browser can wake the worker (or Firefox's event page) for them.
 */
import { browser } from '~/shared/browser.ts';
import { signalBackgroundStart } from '~/shared/test-signals.ts';
import { chatRequestPatterns } from '~/sites/index.ts';
import { onChatRequestCompleted, onChatRequestError } from './chat-requests.ts';
import { settings, watchSettings } from './current-settings.ts';
import { registerCustomSiteScripts } from './custom-sites.ts';
import {
  listenForDraftAlarm,
  onWindowClosed,
  restrictStorageToTrustedContexts,
  startDraftUpkeep,
} from './draft-upkeep.ts';
import { onMainFrameCompleted, onMainFrameError, onMainFrameHeaders } from './main-frame.ts';
import { onMessage } from './messages.ts';
import { onTabUpdated } from './navigation.ts';
import { watchPrivateTabs } from './private-tabs.ts';
import { closeTab } from './record-incident.ts';
import { listenForRecoveryAlarms, watches } from './recovery-watches.ts';
import { noteRequestStart } from './request-timing.ts';
import { listenForStatusAlarm, scheduleStatusChecks } from './status/periodic.ts';
import { forgetTab } from './tab-loads.ts';
import { onInstalled } from './welcome.ts';

// Any https page: events only arrive for hosts the extension may access (the built-in
// sites, and the custom sites the user granted); the handlers ask the site registry.
const mainFrames = { urls: ['https://*/*'], types: ['main_frame' as const] };
// fetch() shows up as xmlhttprequest; EventSource as other; the WebSocket handshake as websocket.
// Only the paths chat requests start with: a covered page's every other call never wakes
// the worker.
const chatCalls = {
  urls: chatRequestPatterns(),
  types: ['xmlhttprequest' as const, 'other' as const, 'websocket' as const],
};

// Each watched request's start, so a failure can say how long the request took. Two
// listeners, not one function twice: Firefox keeps a function only once per event.
browser.webRequest.onBeforeRequest.addListener((d) => noteRequestStart(d), mainFrames);
browser.webRequest.onBeforeRequest.addListener((d) => noteRequestStart(d), chatCalls);
browser.webRequest.onHeadersReceived.addListener(onMainFrameHeaders, mainFrames, [
  'responseHeaders',
]);
browser.webRequest.onCompleted.addListener(onMainFrameCompleted, mainFrames);
browser.webRequest.onErrorOccurred.addListener(onMainFrameError, mainFrames);
browser.webRequest.onCompleted.addListener(onChatRequestCompleted, chatCalls, ['responseHeaders']);
browser.webRequest.onErrorOccurred.addListener(onChatRequestError, chatCalls);
browser.runtime.onMessage.addListener(onMessage);
browser.tabs.onUpdated.addListener(onTabUpdated);
browser.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  void closeTab(tabId);
  void watches.tabClosed(tabId);
});
browser.runtime.onInstalled.addListener(onInstalled);
watchSettings((next) => {
  void scheduleStatusChecks(next);
  void registerCustomSiteScripts(next);
});
// The optional slow status check: its alarm wakes the worker, so listen at the top level.
listenForStatusAlarm();
// A watched site's next check: its alarm wakes the worker too.
listenForRecoveryAlarms();
// Drafts: pages reach them through the background only; expired ones go on every start and
// hourly, and a private window's when the last private window closes.
void restrictStorageToTrustedContexts();
// Private windows: nothing of theirs goes to disk.
watchPrivateTabs();
listenForDraftAlarm();
browser.windows?.onRemoved.addListener(() => void onWindowClosed());
void startDraftUpkeep();
// The test build notes each start, so a test knows the browser stopped and restarted it.
signalBackgroundStart();
void settings().then((current) => {
  void scheduleStatusChecks(current);
  void registerCustomSiteScripts(current);
});
