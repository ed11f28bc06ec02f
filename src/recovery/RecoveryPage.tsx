import { useState } from 'preact/hooks';
import { siteCookieScope } from '~/shared/cookie-scope.ts';
import { t } from '~/shared/i18n.ts';
import type { Incident } from '~/shared/incident.ts';
import { fromUser } from '~/shared/protocol/senders.ts';
import type { RecoveryTarget } from '~/shared/recovery-link.ts';
import type { RetryConfig } from '~/shared/retry-policy.ts';
import { statusSourceOf } from '~/shared/status/sources.ts';
import { describeFailure } from '~/shared/wording.ts';
import type { SiteAdapter, SiteRegistry } from '~/sites/index.ts';
import { fixAbilities, panelActions } from '~/ui/panel/fix-actions.ts';
import { Panel, type PanelFixes } from '~/ui/panel/Panel.tsx';
import { recoveryHeading } from './heading.ts';

export function RecoveryPage({
  target,
  incident,
  retry,
  sites,
}: {
  target: RecoveryTarget | null;
  incident: Incident | null;
  /** The user's automatic retry limits; null: turned off; absent: the defaults. */
  retry?: RetryConfig | null;
  /** The covered sites, the user's own included. */
  sites: SiteRegistry;
}) {
  const [open, setOpen] = useState(true);
  if (!target) return <p class="gg-note">{t('recoveryNothing')}</p>;

  // Replace, so Back does not return to this page after the site is working again.
  const back = () => location.replace(target.url);
  const site = sites.forUrl(target.url);
  const heading = recoveryHeading(target.url, target.failure, site?.name ?? null, t);
  // The address bar shows the extension's page: say which site and address failed.
  const header = (
    <header class="gg-recovery-head">
      <p class="gg-recovery-site">{heading.siteName}</p>
      <p class="gg-recovery-address">{t('recoveryAddress', heading.address)}</p>
    </header>
  );
  if (open) {
    return (
      <>
        {header}
        <Panel
          problem={{ failure: target.failure }}
          url={target.url}
          variant="page"
          count={incident?.count ?? 1}
          fixes={recoveryFixes(target, site, incident, back, retry)}
          onDismiss={() => setOpen(false)}
        />
      </>
    );
  }
  const wording = describeFailure(target.failure);
  return (
    <>
      {header}
      <div class="gg-page">
        <section class="gg-panel gg-dismissed" aria-labelledby="gg-title">
          <p class="gg-brand">{t('panelBrand')}</p>
          <h2 id="gg-title" class="gg-title">
            {wording.code && <span class="gg-code">{wording.code}</span>}
            {wording.code && ' '}
            {t(wording.title)}
          </h2>
          <p>{t('recoveryDismissed', heading.address)}</p>
          <p class="gg-actions">
            <button type="button" class="gg-primary" onClick={(e) => fromUser(e) && back()}>
              {t('actionRetryNow')}
            </button>
            <button type="button" onClick={(e) => fromUser(e) && setOpen(true)}>
              {t('recoveryShowDetails')}
            </button>
          </p>
        </section>
      </div>
    </>
  );
}

/** The fixes, from the extension's own page: it goes back to the site when one works. */
function recoveryFixes(
  target: RecoveryTarget,
  site: SiteAdapter | null,
  incident: Incident | null,
  back: () => void,
  retry: RetryConfig | null | undefined,
): PanelFixes {
  const { url } = target;
  return {
    context: {
      surface: 'recovery',
      url,
      failure: target.failure,
      incident,
      site: site && {
        id: site.id,
        name: site.name,
        hosts: site.hosts,
        statusPage: site.status?.page ?? null,
        statusSource: statusSourceOf(site),
        cookieScope: siteCookieScope(site),
      },
      autoRetry: retry !== null,
      checksOnly: target.checksOnly,
      ...fixAbilities(),
    },
    actions: panelActions({
      siteId: site?.id ?? null,
      url,
      retryAfterMs: target.retryAfterMs,
      retry: back,
      // A navigation cannot skip the cache, but a fetch can refresh the cached copy first.
      reloadBypassingCache: () => {
        void fetch(url, { cache: 'reload', credentials: 'include' })
          .catch(() => undefined)
          .finally(back);
      },
      afterClear: back,
      report: site ? { site, url, failure: target.failure, incident: () => incident } : null,
    }),
  };
}
