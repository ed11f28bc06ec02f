import { useState } from 'preact/hooks';
import { t } from '~/shared/i18n.ts';
import { sendToBackground } from '~/shared/protocol/messages.ts';
import { duration } from '~/ui/pages/time-words.ts';
import { HISTORY_DAYS_CHOICES, withCurrent } from './choices.ts';
import { NumberChoice } from './NumberChoice.tsx';
import type { SectionProps } from './section-props.ts';

const DAY = 24 * 60 * 60 * 1000;

/** How long ended incidents are kept, and a button that forgets them and every draft. */
export function HistorySettings({ settings, change }: SectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  const wipe = async () => {
    const answer = await sendToBackground('wipeHistory', {}).catch(() => null);
    setConfirming(false);
    setResult(answer?.ok ? t('optionsWipeDone') : t('optionsWipeFailed'));
  };

  return (
    <section class="op-section" aria-labelledby="op-history">
      <h2 id="op-history">{t('optionsHistoryHeading')}</h2>
      <div class="op-row">
        <NumberChoice
          id="op-history-days"
          label={t('optionsHistoryKeep')}
          value={settings.history.keepDays}
          choices={withCurrent(HISTORY_DAYS_CHOICES, settings.history.keepDays)}
          words={(days) => duration(days * DAY, 'long')}
          onChange={(keepDays) => void change({ ...settings, history: { keepDays } })}
        />
      </div>
      <p class="op-help">{t('optionsHistoryHelp')}</p>
      <p class="op-help">{t('optionsPrivateWindows')}</p>
      {!confirming ? (
        <div class="gg-actions">
          <button
            type="button"
            onClick={() => {
              setResult(null);
              setConfirming(true);
            }}
          >
            {t('optionsWipe')}
          </button>
        </div>
      ) : (
        <fieldset class="gg-confirm" aria-labelledby="op-wipe-warning">
          <p id="op-wipe-warning" class="gg-confirm-text">
            {t('optionsWipeWarning')}
          </p>
          <div class="gg-actions">
            <button type="button" class="gg-danger" onClick={() => void wipe()}>
              {t('optionsWipeConfirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('actionCancel')}
            </button>
          </div>
        </fieldset>
      )}
      <p class="op-help" role="status">
        {result}
      </p>
    </section>
  );
}
