import { useEffect, useState } from 'preact/hooks';
import { browser } from '~/shared/browser.ts';
import { t } from '~/shared/i18n.ts';
import type { WatchView } from '~/shared/protocol/recovery-messages.ts';
import { duration } from '~/ui/pages/time-words.ts';
import type { AutoRetryState } from './auto-retry.ts';

/**
 * Automatic recovery as users see it: which phase, when the next check is ("Checking again
 * in 47 s"), how long it has been going ("Checked 14 times since 14:02"), a major outage
 * the status page reports, and Stop (for every tab of the site) or Keep checking. A live
 * region announces changes of phase, not every second.
 */
export function AutoRetryStatus({
  state,
  onStop,
  onResume,
  accept,
}: {
  state: AutoRetryState | null;
  onStop: () => void;
  onResume: () => void;
  accept: (event: Event) => boolean;
}) {
  const now = useNow(state?.state === 'waiting');
  if (!state || state.state === 'unavailable') return null;
  const active = state.state === 'waiting' || state.state === 'paused-offline';
  const resumable = state.state === 'stopped' || state.state === 'limit';
  const history = checkedSince(state);
  return (
    <div class="gg-retry">
      {state.outageSince !== null && state.state !== 'recovered' && (
        <p class="gg-retry-outage">
          {t('retryOutageSince', [state.siteName, clock(state.outageSince)])}
        </p>
      )}
      <p class="gg-retry-line" aria-hidden="true">
        {describe(state, now)}
      </p>
      {history && <p class="gg-retry-since">{history}</p>}
      <p class="gg-visually-hidden" role="status" aria-live="polite">
        {announce(state)}
      </p>
      {active && (
        <button type="button" onClick={(event) => accept(event) && onStop()}>
          {t('actionStopRetrying')}
        </button>
      )}
      {resumable && (
        <button type="button" onClick={(event) => accept(event) && onResume()}>
          {t('actionKeepChecking')}
        </button>
      )}
    </div>
  );
}

function describe(view: WatchView, now: number): string {
  if (view.state === 'waiting' && view.dueAt !== null) {
    const seconds = String(Math.max(0, Math.ceil((view.dueAt - now) / 1000)));
    return view.phase === 'steady'
      ? t('retryNextCheckSteady', seconds)
      : t('retryNextCheck', seconds);
  }
  return announce(view);
}

/** The words for a state, without the ticking seconds. */
function announce(view: WatchView): string {
  switch (view.state) {
    case 'waiting':
      return view.phase === 'steady' ? t('retrySteadyScheduled') : t('retryFastScheduled');
    case 'paused-offline':
      return t('retryPausedOffline');
    case 'recovered':
      return t('retryHealthy');
    case 'stopped':
      return t('retryStopped');
    case 'limit':
      return t('retryLimitReached', duration(view.limitMs, 'long'));
  }
}

function checkedSince(view: WatchView): string | null {
  if (view.checks < 1 || view.state === 'recovered') return null;
  return view.checks === 1
    ? t('retryCheckedOnce', clock(view.since))
    : t('retryCheckedSince', [String(view.checks), clock(view.since)]);
}

/** A time of day in the browser's language: "14:02", "2:02 PM". */
function clock(at: number): string {
  let language = 'en';
  try {
    language = browser.i18n.getUILanguage() || 'en';
  } catch {
    // Outside the extension (tests): English.
  }
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(at);
}

function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [ticking]);
  return now;
}
