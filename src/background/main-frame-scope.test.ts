/** Host access can reach pages that are not a covered site: those loads are never noted. */
import { describe, expect, it } from 'vitest';
import type { WebRequest } from '~/shared/browser.ts';
import { statusPatterns } from '~/sites/index.ts';
import { noteMainFrameHeaders } from './main-frame.ts';
import { loadOf } from './tab-loads.ts';

const headers = (url: string, tabId: number) =>
  ({
    requestId: `r${tabId}`,
    tabId,
    url,
    type: 'main_frame',
    frameId: 0,
    timeStamp: Date.now(),
    statusCode: 200,
    responseHeaders: [],
  }) as unknown as WebRequest.OnHeadersReceivedDetailsType;

describe('top-level loads', () => {
  it('notes nothing of a page that is not a covered site (a Google search)', async () => {
    await noteMainFrameHeaders(headers('https://www.google.com/search?q=private+words', 71));
    expect(loadOf(71)).toBeUndefined();
  });

  it('notes a covered site’s page', async () => {
    await noteMainFrameHeaders(headers('https://gemini.google.com/app', 72));
    expect(loadOf(72)?.url).toBe('https://gemini.google.com/app');
  });

  it('asks for no host access to www.google.com (Chrome would grant all of it)', () => {
    expect(statusPatterns().some((p) => p.includes('www.google.com'))).toBe(false);
  });
});
