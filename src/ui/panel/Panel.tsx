import { useEffect, useRef } from 'preact/hooks';
import type { Failure } from '~/shared/failure.ts';
import { t } from '~/shared/i18n.ts';
import type { RefusalKind } from '~/shared/refusals.ts';
import { describeFailure, describeRefusal } from '~/shared/wording.ts';
import { trapTab } from './focus.ts';

/** What to explain: an outage, or an answer that is not one. */
export type Problem =
  | { failure: Failure; refusal?: undefined }
  | { failure?: undefined; refusal: { kind: RefusalKind; status: number | null } };

export interface PanelProps {
  problem: Problem;
  /** The address that failed. */
  url: string;
  /**
   * overlay: modal over a failed site page; page: the content of the recovery page;
   * compact: a corner notice that leaves the conversation readable and usable.
   */
  variant: 'overlay' | 'page' | 'compact';
  /** Failures seen in this episode (shown when more than one). */
  count?: number;
  /** Absent for answers that are not outages: nothing to retry. */
  onRetry?: () => void;
  onDismiss: () => void;
}

/**
 * The guided-fix panel: what failed, what it means, whose side it is likely on, and what to
 * do. Its accessible name is the failure's title ("502 Bad Gateway"), a contract tests and
 * screen readers rely on.
 */
export function Panel({ problem, url, variant, count = 1, onRetry, onDismiss }: PanelProps) {
  const wording = problem.failure
    ? describeFailure(problem.failure)
    : describeRefusal(problem.refusal.kind, problem.refusal.status);
  const retry = useRef<HTMLButtonElement>(null);
  const dismiss = useRef<HTMLButtonElement>(null);
  const compact = variant === 'compact';

  useEffect(() => {
    // A compact notice must not steal focus from the composer while the user types.
    if (!compact) (retry.current ?? dismiss.current)?.focus();
    if (variant !== 'overlay') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onDismiss();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [variant, compact, onDismiss]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && variant !== 'overlay') {
      event.stopPropagation();
      onDismiss();
    }
    if (!compact) trapTab(event);
  };

  return (
    <div class={`gg-${variant}`}>
      <section
        class="gg-panel"
        role="dialog"
        aria-modal={variant === 'overlay' ? 'true' : undefined}
        aria-labelledby="gg-title"
        aria-describedby="gg-meaning"
        onKeyDown={onKeyDown}
      >
        <p class="gg-brand">{t('panelBrand')}</p>
        <h2 id="gg-title" class="gg-title">
          {wording.code && <span class="gg-code">{wording.code}</span>}
          {wording.code && ' '}
          {t(wording.title)}
        </h2>
        <p id="gg-meaning" class="gg-meaning">
          {t(wording.meaning)}
        </p>
        {problem.failure?.kind === 'page' && <q class="gg-quote">{problem.failure.text}</q>}
        <p class="gg-side">{t(wording.side, hostOf(url))}</p>
        {count > 1 && <p class="gg-count">{t('compactCount', String(count))}</p>}
        <div class="gg-actions">
          {onRetry && (
            <button type="button" class="gg-primary" ref={retry} onClick={onRetry}>
              {t('actionRetryNow')}
            </button>
          )}
          <button type="button" ref={dismiss} onClick={onDismiss}>
            {t('actionDismiss')}
          </button>
        </div>
      </section>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
