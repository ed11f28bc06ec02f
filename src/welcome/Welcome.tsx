import { browser } from '~/shared/browser.ts';
import { t } from '~/shared/i18n.ts';
import { SITES } from '~/sites/index.ts';
import { DemoPanel } from './DemoPanel.tsx';
import { Permissions } from './Permissions.tsx';

/** What Gateway Guard does, what it may access and why, a demo, and where the settings are. */
export function Welcome() {
  const sites = SITES.map((site) => site.name).join(', ');
  return (
    <main class="wl">
      <h1>{t('welcomeTitle')}</h1>
      <p class="wl-lead">{t('welcomeWhat')}</p>
      <p>{t('welcomeSites', sites)}</p>

      <section class="wl-section" aria-labelledby="wl-demo">
        <h2 id="wl-demo">{t('welcomeDemoHeading')}</h2>
        <p>{t('welcomeDemoHelp')}</p>
        <DemoPanel />
      </section>

      <Permissions />

      <section class="wl-section" aria-labelledby="wl-settings">
        <h2 id="wl-settings">{t('welcomeSettingsHeading')}</h2>
        <p>{t('welcomeSettingsWhere')}</p>
        <div class="gg-actions">
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('welcomeOpenSettings')}
          </button>
        </div>
      </section>
    </main>
  );
}
