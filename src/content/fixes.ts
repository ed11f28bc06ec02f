import type { FixKind, Incident } from '~/background/incident.ts';
import { type SiteView, sendToBackground } from '~/shared/messages.ts';
import { technicalDetails } from '~/shared/report.ts';
import type { RetryConfig } from '~/shared/retry-policy.ts';
import { watchUpdates } from '~/ui/panel/auto-retry.ts';
import type { PanelFixes } from '~/ui/panel/Panel.tsx';
import { supportFixes } from '~/ui/panel/support.tsx';
import { activeDraftRescue } from './drafts.ts';
import { latestIncident } from './show.ts';

/** Everything the in-page panel can do, wired to this page and the background. */
export function pageFixes(
  site: SiteView,
  incident: Incident,
  retryAfterMs: number | null,
  /** The user's limits; null: automatic retry is off; undefined: the defaults. */
  retry?: RetryConfig | null,
): PanelFixes {
  const reload = async () => {
    await activeDraftRescue()?.saveNow();
    location.reload();
  };
  const note = (fix: FixKind, result: string) =>
    void sendToBackground('fixTried', { fix, result }).catch(() => undefined);
  const pageFailed = incident.surface === 'page' && incident.failure !== null;

  return {
    retryNow: () => {
      note('retry-now', 'retried');
      if (incident.surface === 'compact' && clickSiteRetry(site)) return;
      void reload();
    },
    // Automatic retry is for a failed page; a failed answer is the user's call to resend.
    autoRetry:
      pageFailed && retry !== null
        ? {
            send: (action, context) =>
              sendToBackground('recoveryWatch', { action, retryAfterMs, ...context }).then(
                (r) => r.view,
              ),
            subscribe: watchUpdates(site.id),
          }
        : undefined,
    // A failed answer with the site's own retry control on the page: offer that by name.
    retriesAnswer: incident.surface === 'compact' && findSiteRetry(site) !== null,
    reloadBypassingCache: () => {
      void activeDraftRescue()
        ?.saveNow()
        .finally(() => sendToBackground('reloadBypassingCache', {}));
      if (!activeDraftRescue()) void sendToBackground('reloadBypassingCache', {});
    },
    clearSiteData: {
      siteName: site.name,
      storageCleared: (incident.fixes ?? []).some((f) => f.fix === 'clear-storage'),
      cannotClearCache: __TARGET__ === 'firefox',
      cookieScope: site.cookieScope,
      run: async (step) => {
        await activeDraftRescue()?.saveNow();
        const result = await sendToBackground('clearSiteData', { step }).catch(() => null);
        if (!result?.ok) return false;
        await sendToBackground('reloadBypassingCache', {});
        return true;
      },
    },
    statusPage: site.statusPage,
    siteName: site.name,
    technical: incident.failure ? technicalDetails(incident.failure, incident) : undefined,
    status: {
      siteId: site.id,
      load: () => sendToBackground('siteStatuses', { force: true }).then((r) => r.readings),
    },
    ...support(site, incident, note),
  };
}

/**
 * The checks and the report. The page's site comes from the background's view of it, never
 * from the registry here: the content script cannot read the settings, so its registry
 * lacks the user's own sites.
 */
function support(site: SiteView, incident: Incident, note: (fix: FixKind, result: string) => void) {
  if (!incident.failure) return {};
  return supportFixes({
    site: {
      id: site.id,
      name: site.name,
      hosts: site.hosts,
      status: site.statusPage ? { page: site.statusPage } : null,
    },
    url: location.href,
    failure: incident.failure,
    incident: () => latestIncident() ?? incident,
    onExtensionPage: false,
    openFullChecks: () => void sendToBackground('openNetworkChecks', {}).catch(() => undefined),
    logFix: note,
  });
}

/** The site's own retry/regenerate control keeps the conversation; true if one was clicked. */
function clickSiteRetry(site: SiteView): boolean {
  const control = findSiteRetry(site);
  control?.click();
  return control !== null;
}

function findSiteRetry(site: SiteView): HTMLElement | null {
  for (const selector of site.retryControl) {
    const control = document.querySelector<HTMLElement>(selector);
    if (control) return control;
  }
  return null;
}
