import { useEffect, useState } from 'preact/hooks';
import { t } from '~/shared/i18n.ts';
import type { AutoRetryState } from './auto-retry.ts';

/**
 * The automatic retry's visible state: a countdown that ticks every second, and a live
 * region that a screen reader announces only when the phase changes (not every second).
 */
export function AutoRetryStatus({
  state,
  maxAttempts,
  onStop,
  accept,
}: {
  state: AutoRetryState | null;
  maxAttempts: number;
  onStop: () => void;
  accept: (event: Event) => boolean;
}) {
  const now = useNow(state?.phase === 'waiting');
  if (!state) return null;
  const visible = describe(state, maxAttempts, now);
  const active =
    state.phase === 'waiting' || state.phase === 'probing' || state.phase === 'paused-offline';
  return (
    <div class="gg-retry">
      <p class="gg-retry-line" aria-hidden="true">
        {visible}
      </p>
      <p class="gg-visually-hidden" role="status" aria-live="polite">
        {announce(state, maxAttempts)}
      </p>
      {active && (
        <button type="button" onClick={(event) => accept(event) && onStop()}>
          {t('actionStopRetrying')}
        </button>
      )}
    </div>
  );
}

function describe(state: AutoRetryState, max: number, now: number): string {
  switch (state.phase) {
    case 'waiting': {
      const seconds = Math.max(0, Math.ceil((state.dueAt - now) / 1000));
      return t('retryCountdown', [String(seconds), String(state.attempt + 1), String(max)]);
    }
    default:
      return announce(state, max);
  }
}

/** The words for a phase, without the ticking seconds. */
function announce(state: AutoRetryState, max: number): string {
  switch (state.phase) {
    case 'waiting':
      return t('retryScheduled', [String(state.attempt + 1), String(max)]);
    case 'probing':
      return t('retryProbing');
    case 'paused-offline':
      return t('retryPausedOffline');
    case 'healthy':
      return t('retryHealthy');
    case 'stopped':
      return t('retryStopped');
    case 'gave-up':
      return t('retryGaveUp', String(state.attempts));
  }
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
