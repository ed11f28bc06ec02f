import type { Incident } from '~/shared/incident.ts';
import { type SiteView, sendToBackground } from '~/shared/protocol/messages.ts';
import type { RetryConfig } from '~/shared/retry-policy.ts';
import { fixAbilities, panelActions } from '~/ui/panel/fix-actions.ts';
import type { PanelFixes } from '~/ui/panel/Panel.tsx';
import { activeDraftRescue, latestIncident } from './page-state.ts';

/**
 * The in-page panel's fixes, wired to this page and the background. The page's site comes
 * from the background's view of it, never from the registry here: the content script
 * cannot read the settings, so its registry lacks the user's own sites.
 */
export function pageFixes(
  site: SiteView,
  incident: Incident,
  retryAfterMs: number | null,
  /** The user's limits; null: automatic retry is off; undefined: the defaults. */
  retry?: RetryConfig | null,
): PanelFixes {
  const saveDraft = async () => {
    await activeDraftRescue()?.saveNow();
  };
  const reload = async () => {
    await saveDraft();
    location.reload();
  };
  const request = incident.surface === 'compact';
  return {
    context: {
      surface: 'page',
      url: location.href,
      failure: incident.failure,
      request,
      incident,
      site: {
        id: site.id,
        name: site.name,
        hosts: site.hosts,
        statusPage: site.statusPage,
        statusSource: site.statusSource,
        cookieScope: site.cookieScope,
      },
      // A failed answer with the site's own retry control on the page: offer that by name.
      siteRetry: request && findSiteRetry(site) !== null,
      // An episode begun on the recovery page is not this page's to retry automatically.
      autoRetry: retry !== null && incident.surface === 'page',
      ...fixAbilities(),
    },
    actions: panelActions({
      siteId: site.id,
      retryAfterMs,
      retry: () => {
        if (request && clickSiteRetry(site)) return;
        void reload();
      },
      reloadBypassingCache: () => {
        void activeDraftRescue()
          ?.saveNow()
          .finally(() => sendToBackground('reloadBypassingCache', {}));
        if (!activeDraftRescue()) void sendToBackground('reloadBypassingCache', {});
      },
      beforeClear: saveDraft,
      afterClear: () => sendToBackground('reloadBypassingCache', {}),
      report: incident.failure
        ? {
            site,
            url: location.href,
            failure: incident.failure,
            incident: () => latestIncident() ?? incident,
          }
        : null,
      openFullChecks: () => void sendToBackground('openNetworkChecks', {}).catch(() => undefined),
    }),
  };
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
