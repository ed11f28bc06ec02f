import { describe, expect, it } from 'vitest';
import { pagePrompt } from './page-prompt.ts';
import { DEFAULT_RETRY, nextRetry } from './retry-policy.ts';
import { defaultSettings } from './settings.ts';

describe('pagePrompt', () => {
  it('with the defaults, retries exactly as before the settings existed', () => {
    expect(pagePrompt(defaultSettings())).toEqual({
      mode: 'full',
      autoRetry: DEFAULT_RETRY,
      drafts: { maxAgeMs: 24 * 60 * 60 * 1000 },
    });
  });

  it('turns "off" into null, so the page offers no retry and saves no draft', () => {
    const settings = defaultSettings();
    settings.autoRetry.enabled = false;
    settings.drafts.enabled = false;
    settings.prompt = 'compact';
    expect(pagePrompt(settings)).toEqual({ mode: 'compact', autoRetry: null, drafts: null });
  });

  it('never waits longer than the longest wait, nor tries more often than asked', () => {
    const settings = defaultSettings();
    settings.autoRetry = { enabled: true, maxAttempts: 3, maxWaitSeconds: 5 };
    const config = pagePrompt(settings).autoRetry ?? DEFAULT_RETRY;
    const context = { retryAfterMs: null, online: true, hidden: false };
    for (let attempt = 0; attempt < 3; attempt++) {
      const decision = nextRetry({ ...context, attempt }, config, () => 0.999);
      expect(decision).toMatchObject({ kind: 'wait' });
      expect((decision as { delayMs: number }).delayMs).toBeLessThanOrEqual(5000);
    }
    expect(nextRetry({ ...context, attempt: 3 }, config)).toEqual({ kind: 'give-up' });
  });
});
