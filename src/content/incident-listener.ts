import type { Incident } from '~/shared/incident.ts';
import { onBackgroundMessage, type SiteView } from '~/shared/messages.ts';
import { show } from './show.ts';

/** The background tells the page when its incident changes (a chat request failed...). */
export function onIncidentPushed(site: SiteView): void {
  onBackgroundMessage('incident', (message) => {
    const incident: Incident | null = message.incident;
    if (incident && incident.siteId !== site.id) return;
    void show(site, incident);
  });
}
