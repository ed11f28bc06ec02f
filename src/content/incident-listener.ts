import type { Incident } from '~/background/incident.ts';
import { browser, type Runtime } from '~/shared/browser.ts';
import type { AnyTabMessage, SiteView } from '~/shared/messages.ts';
import { show } from './show.ts';

/** The background tells the page when its incident changes (a chat request failed...). */
export function onIncidentPushed(site: SiteView): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const m = message as AnyTabMessage;
    if (m?.type !== 'incident') return undefined;
    const incident: Incident | null = m.incident;
    if (incident && incident.siteId !== site.id) return undefined;
    void show(site, incident);
    return undefined;
  });
}
