import { useState } from 'preact/hooks';
import { t } from '~/shared/i18n.ts';
import { duration } from '~/ui/pages/time-words.ts';
import { DRAFT_HOURS_CHOICES, RETRY_LIMIT_MINUTES_CHOICES, withCurrent } from './choices.ts';
import { NumberChoice } from './NumberChoice.tsx';
import type { SectionProps } from './section-props.ts';
import { requestNotifications } from './side-effects.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The help Gateway Guard offers on its own: automatic retry, draft rescue, notifications. */
export function HelpSettings({ settings, change }: SectionProps) {
  const { autoRetry, drafts } = settings;
  const [denied, setDenied] = useState(false);
  return (
    <>
      <section class="op-section" aria-labelledby="op-retry">
        <h2 id="op-retry">{t('optionsRetryHeading')}</h2>
        <label class="op-check">
          <input
            type="checkbox"
            name="auto-retry"
            checked={autoRetry.enabled}
            onChange={(e) =>
              void change({
                ...settings,
                autoRetry: { ...autoRetry, enabled: e.currentTarget.checked },
              })
            }
          />
          {t('optionsRetryEnabled')}
        </label>
        <div class="op-row">
          <NumberChoice
            id="op-retry-limit"
            label={t('optionsRetryLimit')}
            value={autoRetry.limitMinutes}
            choices={withCurrent(RETRY_LIMIT_MINUTES_CHOICES, autoRetry.limitMinutes)}
            words={(minutes) => duration(minutes * MINUTE, 'long')}
            disabled={!autoRetry.enabled}
            onChange={(limitMinutes) =>
              void change({ ...settings, autoRetry: { ...autoRetry, limitMinutes } })
            }
          />
        </div>
        <p class="op-help">{t('optionsRetryHelp')}</p>
      </section>

      <section class="op-section" aria-labelledby="op-drafts">
        <h2 id="op-drafts">{t('optionsDraftsHeading')}</h2>
        <label class="op-check">
          <input
            type="checkbox"
            name="drafts"
            checked={drafts.enabled}
            onChange={(e) =>
              void change({ ...settings, drafts: { ...drafts, enabled: e.currentTarget.checked } })
            }
          />
          {t('optionsDraftsEnabled')}
        </label>
        <div class="op-row">
          <NumberChoice
            id="op-draft-hours"
            label={t('optionsDraftsKeep')}
            value={drafts.keepHours}
            choices={withCurrent(DRAFT_HOURS_CHOICES, drafts.keepHours)}
            words={(hours) => duration(hours * HOUR, 'long')}
            disabled={!drafts.enabled}
            onChange={(keepHours) => void change({ ...settings, drafts: { ...drafts, keepHours } })}
          />
        </div>
        <p class="op-help">{t('optionsDraftsHelp')}</p>
      </section>

      <section class="op-section" aria-labelledby="op-notify">
        <h2 id="op-notify">{t('optionsNotifyHeading')}</h2>
        <label class="op-check">
          <input
            type="checkbox"
            name="notify-back-online"
            checked={settings.notifyBackOnline}
            onChange={(e) => {
              const box = e.currentTarget;
              const on = box.checked;
              setDenied(false);
              if (!on) {
                void change({ ...settings, notifyBackOnline: false });
                return;
              }
              // Asked straight from the click: the browser shows its prompt only for a gesture.
              void requestNotifications().then((granted) => {
                if (granted) void change({ ...settings, notifyBackOnline: true });
                else {
                  box.checked = false;
                  setDenied(true);
                }
              });
            }}
          />
          {t('optionsNotifyEnabled')}
        </label>
        <p class="op-help">{t('optionsNotifyHelp')}</p>
        {denied && (
          <p class="op-help" role="alert">
            {t('optionsNotifyDenied')}
          </p>
        )}
      </section>

      <section class="op-section" aria-labelledby="op-status-check">
        <h2 id="op-status-check">{t('optionsStatusCheckHeading')}</h2>
        <label class="op-check">
          <input
            type="checkbox"
            name="periodic-status-check"
            checked={settings.periodicStatusCheck}
            onChange={(e) =>
              void change({ ...settings, periodicStatusCheck: e.currentTarget.checked })
            }
          />
          {t('optionsStatusCheckEnabled')}
        </label>
        <p class="op-help">{t('optionsStatusCheckHelp')}</p>
      </section>
    </>
  );
}
