import { useState } from 'preact/hooks';
import type { FixKind, Incident } from '~/background/incident.ts';
import { siteCookieScope } from '~/shared/cookie-scope.ts';
import { t } from '~/shared/i18n.ts';
import { sendToBackground } from '~/shared/messages.ts';
import type { RecoveryTarget } from '~/shared/recovery-link.ts';
import { technicalDetails } from '~/shared/report.ts';
import type { RetryConfig } from '~/shared/retry-policy.ts';
import { describeFailure } from '~/shared/wording.ts';
import { siteForUrl } from '~/sites/index.ts';
import { watchUpdates } from '~/ui/panel/auto-retry.ts';
import { Panel, type PanelFixes } from '~/ui/panel/Panel.tsx';
import { supportFixes } from '~/ui/panel/support.tsx';
import { recoveryHeading } from './heading.ts';

export function RecoveryPage({
  target,
  incident,
  retry,
}: {
  target: RecoveryTarget | null;
  incident: Incident | null;
  /** The user's automatic retry limits; null: turned off; absent: the defaults. */
  retry?: RetryConfig | null;
}) {
  const [open, setOpen] = useState(true);
  if (!target) return <p class="gg-note">{t('recoveryNothing')}</p>;

  // Replace, so Back does not return to this page after the site is working again.
  const back = () => location.replace(target.url);
  const site = siteForUrl(target.url);
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
          fixes={recoveryFixes(target, incident, back, retry)}
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
            <button type="button" class="gg-primary" onClick={(e) => e.isTrusted && back()}>
              {t('actionRetryNow')}
            </button>
            <button type="button" onClick={(e) => e.isTrusted && setOpen(true)}>
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
  incident: Incident | null,
  back: () => void,
  retry: RetryConfig | null | undefined,
): PanelFixes {
  const { url } = target;
  const site = siteForUrl(url);
  const note = (fix: FixKind, result: string) =>
    void sendToBackground('fixTried', { fix, result, url }).catch(() => undefined);
  return {
    retryNow: () => {
      note('retry-now', 'retried');
      back();
    },
    autoRetry:
      target.checksOnly || retry === null
        ? undefined
        : {
            send: (action, context) =>
              sendToBackground('recoveryWatch', {
                action,
                url,
                retryAfterMs: target.retryAfterMs,
                ...context,
              }).then((r) => r.view),
            subscribe: site ? watchUpdates(site.id) : undefined,
          },
    // A navigation cannot skip the cache, but a fetch can refresh the cached copy first.
    reloadBypassingCache: () => {
      void fetch(url, { cache: 'reload', credentials: 'include' })
        .catch(() => undefined)
        .finally(back);
    },
    clearSiteData: site
      ? {
          siteName: site.name,
          storageCleared: (incident?.fixes ?? []).some((f) => f.fix === 'clear-storage'),
          cannotClearCache: __TARGET__ === 'firefox',
          cookieScope: siteCookieScope(site),
          run: async (step) => {
            const result = await sendToBackground('clearSiteData', { step, url }).catch(() => null);
            if (!result?.ok) return false;
            back();
            return true;
          },
        }
      : undefined,
    networkChecksOpen: target.checksOnly,
    technical: technicalDetails(target.failure, incident),
    status: site
      ? {
          siteId: site.id,
          load: () => sendToBackground('siteStatuses', { force: true }).then((r) => r.readings),
        }
      : undefined,
    statusPage: site?.status?.page ?? null,
    siteName: site?.name ?? new URL(url).hostname,
    ...(site
      ? supportFixes({
          site,
          url,
          failure: target.failure,
          incident: () => incident,
          onExtensionPage: true,
          autoRunChecks: target.checksOnly,
          logFix: (fix, result) =>
            void sendToBackground('fixTried', { fix, result, url }).catch(() => undefined),
        })
      : {}),
  };
}
