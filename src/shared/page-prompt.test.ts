import { describe, expect, it } from 'vitest';
import { pagePrompt } from './page-prompt.ts';
import { DEFAULT_RETRY, nextRetry } from './retry-policy.ts';
import { defaultSettings } from './settings/model.ts';

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

  it('keeps checking for the time limit the user chose, then stops', () => {
    const settings = defaultSettings();
    settings.autoRetry = { enabled: true, limitMinutes: 30 };
    const config = pagePrompt(settings).autoRetry ?? DEFAULT_RETRY;
    const context = {
      now: 0,
      startedAt: 0,
      attempt: 20,
      lastCheckAt: 0,
      retryAfterUntil: null,
      online: true,
      hidden: false,
    };
    expect(nextRetry({ ...context, now: 29 * 60_000 }, config)).toMatchObject({ kind: 'wait' });
    expect(nextRetry({ ...context, now: 30 * 60_000 }, config)).toEqual({ kind: 'limit-reached' });
  });
});
