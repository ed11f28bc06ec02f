import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from '~/shared/browser.ts';
import type { HistoryEntry } from '~/shared/history.ts';
import { t } from '~/shared/i18n.ts';
import { sendToBackground } from '~/shared/protocol/messages.ts';
import type { PopupTab } from '~/shared/protocol/ui-messages.ts';
import { isSiteEnabled } from '~/shared/settings/model.ts';
import type { StatusReading } from '~/shared/status/types.ts';
import type { SiteAdapter, SiteRegistry } from '~/sites/index.ts';
import { loadSites } from '~/ui/pages/load-sites.ts';
import { RecentIncidents } from './RecentIncidents.tsx';
import { SiteStatuses } from './SiteStatuses.tsx';
import { TabCard } from './TabCard.tsx';

/** Ages shown ("2 minutes ago") move on while the popup stays open. */
const TICK_MS = 30_000;

/** The tab the popup is about: the one named in `?tab=`, else the active tab. */
async function targetTabId(tabParam: string | null): Promise<number | null> {
  if (tabParam !== null && /^\d+$/.test(tabParam)) return Number(tabParam);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

export function Popup({ tabParam }: { tabParam: string | null }) {
  /** undefined: still asking; null: not a covered site. */
  const [tab, setTab] = useState<PopupTab | null | undefined>(undefined);
  const [registry, setRegistry] = useState<SiteRegistry | null>(null);
  const [sites, setSites] = useState<SiteAdapter[] | null>(null);
  const [readings, setReadings] = useState<Record<string, StatusReading> | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [now, setNow] = useState(Date.now());

  const refreshTab = useCallback(async () => {
    const tabId = await targetTabId(tabParam).catch(() => null);
    const answer =
      tabId === null ? null : await sendToBackground('popupTab', { tabId }).catch(() => null);
    setTab(answer?.tab ?? null);
  }, [tabParam]);

  useEffect(() => {
    void refreshTab();
    // The user's own sites are listed, and named in the history, like the built-in ones.
    void loadSites().then(({ settings, sites: all }) => {
      setRegistry(all);
      setSites(all.all.filter((site) => isSiteEnabled(settings, site.id)));
    });
    void sendToBackground('incidentHistory', {})
      .then((answer) => setHistory(answer.entries))
      .catch(() => setHistory([]));
    // The popup being open is a reason to read the status pages again (within limits).
    void sendToBackground('siteStatuses', { force: true })
      .then((answer) => setReadings(answer.readings))
      .catch(() => setReadings({}));
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [refreshTab]);

  const options = browser.runtime.getURL('src/options/index.html');
  return (
    <main class="pp">
      <header class="pp-header">
        <h1 class="pp-brand">{t('extName')}</h1>
        <a
          class="pp-settings"
          href={options}
          onClick={(event) => {
            event.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          {t('popupOpenSettings')}
        </a>
      </header>
      <TabCard tab={tab} now={now} onChanged={refreshTab} />
      <SiteStatuses sites={sites} readings={readings} history={history} now={now} />
      <RecentIncidents entries={history} now={now} sites={registry} />
    </main>
  );
}
