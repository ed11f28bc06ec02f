import { t } from '~/shared/i18n.ts';
import { SITES } from '~/sites/index.ts';
import type { SectionProps } from './section-props.ts';

/** One switch per built-in site: watched or left alone. */
export function SiteSwitches({ settings, change }: SectionProps) {
  return (
    <section class="op-section" aria-labelledby="op-sites">
      <h2 id="op-sites">{t('optionsSitesHeading')}</h2>
      <p class="gg-muted">{t('optionsSitesHelp')}</p>
      <ul class="op-sites">
        {SITES.map((site) => (
          <li key={site.id}>
            <label class="op-check">
              <input
                type="checkbox"
                name={`site-${site.id}`}
                checked={settings.sites[site.id]?.enabled ?? true}
                onChange={(event) =>
                  void change({
                    ...settings,
                    sites: {
                      ...settings.sites,
                      [site.id]: { enabled: event.currentTarget.checked },
                    },
                  })
                }
              />
              {site.name}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
