import type { Incident } from '~/background/incident.ts';
import type { SiteView } from '~/shared/messages.ts';

/** The episode the user dismissed: later updates of it stay quiet. */
let dismissedEpisode: number | null = null;

/** Shows (or updates, or removes) the panel for the tab's incident. */
export async function show(site: SiteView, incident: Incident | null): Promise<void> {
  const host = await import('./panel-host.tsx');
  if (!incident || incident.firstAt === dismissedEpisode) {
    if (!incident) host.hidePanel();
    return;
  }
  const problem = incident.failure
    ? { failure: incident.failure }
    : incident.refusal
      ? { refusal: incident.refusal }
      : null;
  if (!problem) return;
  host.showPanel({
    problem,
    variant: incident.surface === 'page' && incident.failure ? 'overlay' : 'compact',
    count: incident.count,
    onRetry: incident.failure ? () => retry(site, incident) : undefined,
    onDismiss: () => {
      dismissedEpisode = incident.firstAt;
    },
  });
}

/**
 * A failed page is reloaded; a failed answer is retried with the site's own control when
 * the adapter knows it (the conversation stays), else by reloading.
 */
function retry(site: SiteView, incident: Incident): void {
  if (incident.surface === 'compact') {
    for (const selector of site.retryControl) {
      const control = document.querySelector<HTMLElement>(selector);
      if (control) {
        control.click();
        void import('./panel-host.tsx').then((host) => host.hidePanel());
        return;
      }
    }
  }
  location.reload();
}
