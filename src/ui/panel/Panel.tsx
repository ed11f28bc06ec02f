import { useEffect, useRef } from 'preact/hooks';
import type { Failure } from '~/shared/failure.ts';
import { t } from '~/shared/i18n.ts';
import { describeFailure } from '~/shared/wording.ts';
import { trapTab } from './focus.ts';

export interface PanelProps {
  failure: Failure;
  /** The address that failed. */
  url: string;
  onRetry: () => void;
  onDismiss: () => void;
  /** Over a site's page (modal with a backdrop) rather than as the content of our own page. */
  overlay: boolean;
}

/**
 * The guided-fix panel: what failed, what it means, whose side it is likely on, and what to
 * do. Its accessible name is the failure's title ("502 Bad Gateway"), a contract tests and
 * screen readers rely on.
 */
export function Panel({ failure, url, onRetry, onDismiss, overlay }: PanelProps) {
  const wording = describeFailure(failure);
  const retry = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    retry.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onDismiss();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onDismiss]);

  return (
    <div class={overlay ? 'gg-backdrop' : 'gg-page'}>
      <section
        class="gg-panel"
        role="dialog"
        aria-modal={overlay ? 'true' : undefined}
        aria-labelledby="gg-title"
        aria-describedby="gg-meaning"
        onKeyDown={trapTab}
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
        <p class="gg-side">{t(wording.side, hostOf(url))}</p>
        <div class="gg-actions">
          <button type="button" class="gg-primary" ref={retry} onClick={onRetry}>
            {t('actionRetryNow')}
          </button>
          <button type="button" onClick={onDismiss}>
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
