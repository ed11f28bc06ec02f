/**
 * What a covered page needs of the settings, sent with the `pageStarted` reply: how to show
 * trouble, the automatic retry's limits, and how long drafts are kept. Built here, in the
 * background, so the page's bootstrap never loads the settings module (it names every site).
 */
import { DEFAULT_RETRY, type RetryConfig } from './retry-policy.ts';
import type { PromptMode, Settings } from './settings/model.ts';
import { TIMINGS } from './timings.ts';

export interface PagePrompt {
  mode: PromptMode;
  /** Automatic retry of a failed page; null when the user turned it off. */
  autoRetry: RetryConfig | null;
  /** Draft rescue; null when the user turned it off. */
  drafts: { maxAgeMs: number } | null;
}

const HOUR_MS = 60 * 60 * 1000;

export function pagePrompt(settings: Settings): PagePrompt {
  return {
    mode: settings.prompt,
    autoRetry: settings.autoRetry.enabled ? retryConfig(settings.autoRetry) : null,
    drafts: settings.drafts.enabled ? { maxAgeMs: settings.drafts.keepHours * HOUR_MS } : null,
  };
}

/** The recovery policy with the user's limit: how long to keep checking before asking. */
export function retryConfig(retry: Settings['autoRetry']): RetryConfig {
  return {
    ...DEFAULT_RETRY,
    // The test build waits less; store builds get exactly DEFAULT_RETRY's waits.
    baseMs: TIMINGS.recoveryBaseMs,
    capMs: TIMINGS.recoveryCapMs,
    minMs: TIMINGS.recoveryMinGapMs,
    steadyMs: TIMINGS.recoverySteadyMs,
    steadyMinMs: TIMINGS.recoverySteadyMinMs,
    limitMs: retry.limitMinutes * 60_000,
  };
}
