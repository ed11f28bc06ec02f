import { useState } from 'preact/hooks';
import { browser } from '~/shared/browser.ts';
import { t } from '~/shared/i18n.ts';
import { MAX_CUSTOM_SITES } from '~/shared/settings/model.ts';
import { isBuiltInHost, normaliseOrigin, originPattern } from '~/sites/custom.ts';
import type { SectionProps } from './section-props.ts';

/**
 * The user's own sites: any https origin, watched like the built-in ones (the page itself;
 * chat requests are unknown there). Access to the origin is asked for when it is added.
 */
export function CustomSites({ settings, change }: SectionProps) {
  const [origin, setOrigin] = useState('');
  const [statusPage, setStatusPage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The address itself is what is wrong (not the number of sites or a declined permission).
  const originWrong = problem === t('customSiteInvalid') || problem === t('customSiteBuiltIn');

  const add = (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const normalised = normaliseOrigin(origin);
    if (!normalised) return setProblem(t('customSiteInvalid'));
    if (isBuiltInHost(new URL(normalised).hostname)) return setProblem(t('customSiteBuiltIn'));
    if (settings.customSites.length >= MAX_CUSTOM_SITES) return setProblem(t('customSiteTooMany'));
    // Asked straight from the submit: browsers show the prompt only for a user gesture.
    void browser.permissions
      .request({ origins: [originPattern(normalised)] })
      .catch(() => false)
      .then((granted) => {
        if (!granted) return setProblem(t('customSiteDenied'));
        const page = statusPage.trim();
        void change({
          ...settings,
          customSites: [
            ...settings.customSites.filter((s) => s.origin !== normalised),
            { origin: normalised, statusPage: /^https:\/\/\S+$/.test(page) ? page : null },
          ],
        });
        setOrigin('');
        setStatusPage('');
      });
  };

  const remove = (removed: string) => {
    void browser.permissions.remove({ origins: [originPattern(removed)] }).catch(() => false);
    void change({
      ...settings,
      customSites: settings.customSites.filter((s) => s.origin !== removed),
    });
  };

  return (
    <section class="op-section" aria-labelledby="op-custom">
      <h2 id="op-custom">{t('customSitesHeading')}</h2>
      <p class="op-help">{t('customSitesHelp')}</p>
      {settings.customSites.length > 0 && (
        <ul class="op-custom-list">
          {settings.customSites.map((site) => (
            <li key={site.origin}>
              <span>{site.origin}</span>
              <button type="button" onClick={() => remove(site.origin)}>
                {t('customSiteRemove', site.origin)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="op-custom-form" onSubmit={add}>
        <label>
          {t('customSiteOrigin')}
          <input
            type="text"
            name="custom-origin"
            inputMode="url"
            autoComplete="off"
            value={origin}
            aria-invalid={originWrong ? 'true' : undefined}
            aria-describedby={originWrong ? 'op-custom-problem' : undefined}
            onInput={(e) => setOrigin(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('customSiteStatusPage')}
          <input
            type="url"
            name="custom-status"
            autoComplete="off"
            value={statusPage}
            onInput={(e) => setStatusPage(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('customSiteAdd')}</button>
      </form>
      {problem && (
        <p id="op-custom-problem" class="op-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
