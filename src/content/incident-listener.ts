import { browser, type Runtime } from '~/shared/browser.ts';
import type { SiteView, TabMessage } from '~/shared/protocol/messages.ts';
import { fromOurExtension } from '~/shared/protocol/senders.ts';
import { loadedPageUi, loadPageUi } from './page-ui-loader.ts';
import { show } from './show.ts';

/**
 * The background tells the page when its incident changes (a chat request failed...). Each
 * message is read by its schema before it is shown.
 */
export function onIncidentPushed(site: SiteView): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const pushed = message as { type?: unknown; incident?: unknown } | null;
    if (!fromOurExtension(sender) || pushed?.type !== 'incident') return undefined;
    void readIncident(pushed).then((read) => {
      const incident = read?.incident;
      if (incident === undefined || (incident && incident.siteId !== site.id)) return;
      void show(site, incident);
    });
    return undefined;
  });
}

/**
 * The message as its schema reads it (null: dropped). The schemas live in the page UI,
 * which showing an incident loads anyway, so the bootstrap every healthy page runs stays
 * small. The news that the incident is over carries nothing else: a page that shows
 * nothing takes it as it is, and does not load the page UI just to hide nothing.
 */
async function readIncident(message: { incident?: unknown }) {
  if (message.incident === null && !loadedPageUi()) {
    return { type: 'incident', incident: null } satisfies TabMessage<'incident'>;
  }
  const ui = await loadPageUi().catch(() => null);
  return ui?.readTabMessage('incident', message) ?? null;
}
