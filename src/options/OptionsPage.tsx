import { useEffect, useState } from 'preact/hooks';
import { browser } from '~/shared/browser.ts';
import { t } from '~/shared/i18n.ts';
import type { Settings } from '~/shared/settings/model.ts';
import { loadSettings, SETTINGS_KEY, saveSettings } from '~/shared/settings/storage.ts';
import { CustomSites } from './CustomSites.tsx';
import { HelpSettings } from './HelpSettings.tsx';
import { HistorySettings } from './HistorySettings.tsx';
import { PromptChoice } from './PromptChoice.tsx';
import { SettingsBackup } from './SettingsBackup.tsx';
import { SiteSwitches } from './SiteSwitches.tsx';
import type { SectionProps } from './section-props.ts';
import { applySideEffects } from './side-effects.ts';

/** What each section gets: the settings, and a way to change them. */

export function OptionsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    void loadSettings().then(setSettings);
    // Another options tab, an import, or a synced browser changed them: show the new ones.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'sync' && SETTINGS_KEY in changes) void loadSettings().then(setSettings);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  if (!settings) return <main class="op" aria-busy="true" />;

  const change = async (next: Settings) => {
    const before = settings;
    setSettings(next);
    try {
      const stored = await saveSettings(next);
      setSettings(stored);
      await applySideEffects(before, stored);
      setSaved(t('optionsSaved'));
    } catch {
      setSettings(before);
      setSaved(t('optionsSaveFailed'));
    }
  };
  const props: SectionProps = { settings, change };

  return (
    <main class="op">
      <header class="op-header">
        <h1>{t('optionsTitle')}</h1>
        <p class="gg-muted">{t('optionsIntro')}</p>
        <p class="op-saved" role="status">
          {saved}
        </p>
      </header>
      <SiteSwitches {...props} />

      <CustomSites {...props} />
      <PromptChoice {...props} />
      <HelpSettings {...props} />
      <HistorySettings {...props} />
      <SettingsBackup {...props} />
    </main>
  );
}
