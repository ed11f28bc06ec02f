import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebRequest } from '~/shared/browser.ts';
import {
  CONTENT_START_GRACE_MS,
  onMainFrameCompleted,
  onMainFrameError,
  onMainFrameHeaders,
} from './main-frame.ts';
import { forgetTab, recordContentStart } from './tab-loads.ts';

const URL_ = 'https://chatgpt.com/c/1';
let tabId: number;
let request = 0;

async function tabUrl() {
  return (await fakeBrowser.tabs.get(tabId)).url ?? '';
}

function respond(status: number, headers: Record<string, string> = {}) {
  const requestId = String(++request);
  const base = {
    requestId,
    tabId,
    url: URL_,
    type: 'main_frame',
    frameId: 0,
    timeStamp: Date.now(),
  };
  onMainFrameHeaders({
    ...base,
    statusCode: status,
    responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
  } as unknown as WebRequest.OnHeadersReceivedDetailsType);
  onMainFrameCompleted({
    ...base,
    statusCode: status,
  } as unknown as WebRequest.OnCompletedDetailsType);
  return requestId;
}

beforeEach(async () => {
  vi.useFakeTimers();
  tabId = (await fakeBrowser.tabs.create({ url: URL_ })).id ?? -1;
  forgetTab(tabId);
});
afterEach(() => vi.useRealTimers());

describe('main-frame failures', () => {
  it('sends a declared-empty 502 straight to the recovery page for the original address', async () => {
    respond(502, { 'Content-Length': '0' });
    await vi.waitFor(async () => expect(await tabUrl()).toContain('src/recovery/index.html'));
    const params = new URL(await tabUrl()).searchParams;
    expect(params.get('url')).toBe(URL_);
    expect(params.get('status')).toBe('502');
  });

  it('leaves a 502 page alone when its content script started (it shows the panel itself)', async () => {
    respond(502);
    recordContentStart(tabId, URL_, Date.now());
    await vi.advanceTimersByTimeAsync(CONTENT_START_GRACE_MS + 100);
    expect(await tabUrl()).toBe(URL_);
  });

  it('steps in when no content script started within the grace period', async () => {
    respond(503);
    await vi.advanceTimersByTimeAsync(CONTENT_START_GRACE_MS - 100);
    expect(await tabUrl()).toBe(URL_);
    await vi.advanceTimersByTimeAsync(200);
    await vi.waitFor(async () => expect(await tabUrl()).toContain('status=503'));
  });

  it('ignores healthy and non-outage responses', async () => {
    respond(200, { 'Content-Length': '0' });
    respond(404, { 'Content-Length': '0' });
    respond(429, { 'Content-Length': '0' });
    await vi.advanceTimersByTimeAsync(CONTENT_START_GRACE_MS * 2);
    expect(await tabUrl()).toBe(URL_);
  });

  it('sends a network error to the recovery page with its kind', async () => {
    onMainFrameError({
      requestId: 'n1',
      tabId,
      url: URL_,
      type: 'main_frame',
      frameId: 0,
      timeStamp: Date.now(),
      error: 'net::ERR_CONNECTION_RESET',
    } as unknown as WebRequest.OnErrorOccurredDetailsType);
    await vi.waitFor(async () =>
      expect(await tabUrl()).toContain('error=net%3A%3AERR_CONNECTION_RESET'),
    );
  });

  it('ignores a load the user stopped', async () => {
    onMainFrameError({
      requestId: 'n2',
      tabId,
      url: URL_,
      type: 'main_frame',
      frameId: 0,
      timeStamp: Date.now(),
      error: 'net::ERR_ABORTED',
    } as unknown as WebRequest.OnErrorOccurredDetailsType);
    await vi.advanceTimersByTimeAsync(100);
    expect(await tabUrl()).toBe(URL_);
  });

  it('uses the recorded status when Chromium replaced an empty error response', async () => {
    const requestId = String(++request);
    onMainFrameHeaders({
      requestId,
      tabId,
      url: URL_,
      statusCode: 504,
      responseHeaders: [],
    } as unknown as WebRequest.OnHeadersReceivedDetailsType);
    onMainFrameError({
      requestId,
      tabId,
      url: URL_,
      error: 'net::ERR_HTTP_RESPONSE_CODE_FAILURE',
    } as unknown as WebRequest.OnErrorOccurredDetailsType);
    await vi.waitFor(async () => expect(await tabUrl()).toContain('status=504'));
  });

  it('ignores requests outside any tab', () => {
    expect(() =>
      onMainFrameHeaders({ tabId: -1, requestId: 'x', url: URL_, statusCode: 502 } as never),
    ).not.toThrow();
  });
});
