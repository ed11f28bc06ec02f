import { useState } from 'preact/hooks';
import { t } from '~/shared/i18n.ts';
import {
  exportFileName,
  exportSettings,
  importSettings,
  SETTINGS_FILE_MAX_BYTES,
} from '~/shared/settings/file.ts';
import type { SectionProps } from './section-props.ts';
import { hasNotifications } from './side-effects.ts';

/** Settings to and from a JSON file; a bad file is refused with the reason, nothing changes. */
export function SettingsBackup({ settings, change }: SectionProps) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const download = () => {
    const now = Date.now();
    const blob = new Blob([exportSettings(settings, now)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = exportFileName(now);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // The same file can be chosen again after fixing it.
    if (!file) return;
    // The size is checked before reading: a huge file is refused without loading it.
    const result = importSettings(
      file.size > SETTINGS_FILE_MAX_BYTES ? '' : await file.text().catch(() => ''),
      file.size,
    );
    if (!result.ok) {
      setMessage({ text: t(result.error, result.detail ?? ''), error: true });
      return;
    }
    // A permission can only be asked for from a click: without it, notifications stay off.
    const next = result.settings;
    if (next.notifyBackOnline && !(await hasNotifications())) next.notifyBackOnline = false;
    await change(next);
    setMessage({ text: t('importDone'), error: false });
  };

  return (
    <section class="op-section" aria-labelledby="op-backup">
      <h2 id="op-backup">{t('optionsBackupHeading')}</h2>
      <p class="op-help">{t('optionsBackupHelp')}</p>
      <div class="gg-actions">
        <button type="button" onClick={download}>
          {t('optionsExport')}
        </button>
        <label class="gg-link-button op-file">
          {t('optionsImport')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => void upload(event.currentTarget)}
          />
        </label>
      </div>
      {message && (
        <p class={message.error ? 'op-error' : 'op-help'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
