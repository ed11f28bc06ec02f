import { describe, expect, it } from 'vitest';
import { stillOnFailedPage } from './recovery-tab.ts';

const RECOVERY = 'chrome-extension://id/src/recovery/index.html';
const failedPage = { url: 'https://gemini.google.com/app/3', recoveryPage: false };
const onRecovery = { url: 'https://chatgpt.com/c/1', recoveryPage: true };

describe('stillOnFailedPage', () => {
  it('brings back a tab still on the failed page or its recovery page', () => {
    expect(
      stillOnFailedPage({ url: 'https://gemini.google.com/app/3#x' }, failedPage, RECOVERY),
    ).toBe(true);
    expect(stillOnFailedPage({ url: `${RECOVERY}?url=x` }, onRecovery, RECOVERY)).toBe(true);
  });

  it('leaves a tab the user has taken elsewhere, or is taking elsewhere', () => {
    expect(
      stillOnFailedPage({ url: 'https://gemini.google.com/app/4' }, failedPage, RECOVERY),
    ).toBe(false);
    expect(
      stillOnFailedPage(
        { url: 'https://gemini.google.com/app/3', pendingUrl: 'https://claude.ai/new' },
        failedPage,
        RECOVERY,
      ),
    ).toBe(false);
    expect(stillOnFailedPage({ url: 'https://chatgpt.com/c/1' }, onRecovery, RECOVERY)).toBe(false);
    expect(stillOnFailedPage({}, failedPage, RECOVERY)).toBe(false);
  });
});
