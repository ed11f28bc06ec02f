import { useState } from 'preact/hooks';
import { t } from '~/shared/i18n.ts';
import type { RecoveryTarget } from '~/shared/recovery-link.ts';
import { Panel } from '~/ui/panel/Panel.tsx';

export function RecoveryPage({ target }: { target: RecoveryTarget | null }) {
  const [open, setOpen] = useState(true);
  if (!target) return <p class="gg-note">{t('recoveryNothing')}</p>;

  // Replace, so Back does not return to this page after the site is working again.
  const retry = () => location.replace(target.url);
  if (open) {
    return (
      <Panel
        problem={{ failure: target.failure }}
        url={target.url}
        variant="page"
        onRetry={retry}
        onDismiss={() => setOpen(false)}
      />
    );
  }
  return (
    <div class="gg-note">
      <p>{t('recoveryDismissed', target.url)}</p>
      <p class="gg-note-actions">
        <button type="button" class="gg-primary" onClick={retry}>
          {t('actionRetryNow')}
        </button>
        <button type="button" onClick={() => setOpen(true)}>
          {t('recoveryShowDetails')}
        </button>
      </p>
    </div>
  );
}
