/** Copy report: where the clipboard is blocked, the report never enters the page's DOM. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SITES } from '~/sites/index.ts';
import { reportCopier } from './support.ts';

const chatgpt = SITES.find((site) => site.id === 'chatgpt');
if (!chatgpt) throw new Error('chatgpt');

const copyReport = () =>
  reportCopier({
    site: chatgpt,
    url: 'https://chatgpt.com/c/1',
    failure: { kind: 'http', status: 502 },
    incident: () => null,
  })();

beforeEach(() => {
  fakeBrowser.runtime.getManifest = (() => ({ version: '0.1.0' })) as never;
});
afterEach(() => vi.unstubAllGlobals());

describe('copy report', () => {
  it('copies with the clipboard when it may', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const result = await copyReport();
    expect(result?.copied).toBe(true);
    expect(writeText).toHaveBeenCalledWith(result?.text);
  });

  it('puts nothing in the page when the clipboard is blocked: the panel shows the text', async () => {
    const writeText = vi.fn(async () => {
      throw new DOMException('blocked', 'NotAllowedError');
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const added: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) added.push(...record.addedNodes);
    });
    observer.observe(document, { childList: true, subtree: true });
    const result = await copyReport();
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(result?.copied).toBe(false);
    expect(result?.text).toContain('502');
    expect(added).toEqual([]);
    expect(document.querySelector('textarea')).toBeNull();
  });
});
