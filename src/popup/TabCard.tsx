import { useState } from 'preact/hooks';
import type { Incident } from '~/background/incident.ts';
import { t } from '~/shared/i18n.ts';
import { sendToBackground } from '~/shared/messages.ts';
import type { PopupTab, PopupTabAction } from '~/shared/ui-messages.ts';
import { describeFailure, describeRefusal } from '~/shared/wording.ts';
import { siteById } from '~/sites/index.ts';
import { ago } from '~/ui/pages/time-words.ts';
import { ClearSiteData } from '~/ui/panel/ClearSiteData.tsx';
import { supportFixes } from '~/ui/panel/support.tsx';

const fromUser = (event: Event) => event.isTrusted;

interface Props {
  /** undefined: still asking; null: the tab is not on a covered site. */
  tab: PopupTab | null | undefined;
  now: number;
  /** An action changed the tab: ask again. */
  onChanged: () => void;
}

/** The active tab: its site, its current trouble, and the panel's quick fixes for it. */
export function TabCard({ tab, now, onChanged }: Props) {
  if (tab === undefined) {
    return (
      <section class="pp-card" aria-busy="true">
        <p class="pp-card-line gg-muted">{t('popupTabChecking')}</p>
      </section>
    );
  }
  if (tab === null) {
    return (
      <section class="pp-card">
        <p class="pp-card-line gg-muted">{t('popupTabNotCovered')}</p>
      </section>
    );
  }
  return (
    <section class="pp-card" aria-labelledby="pp-card-site">
      <h2 id="pp-card-site" class="pp-card-site">
        {tab.siteName}
      </h2>
      {!tab.enabled ? (
        <p class="pp-card-line gg-muted">{t('popupSiteTurnedOff', tab.siteName)}</p>
      ) : tab.incident ? (
        <Trouble tab={tab} incident={tab.incident} now={now} onChanged={onChanged} />
      ) : (
        <>
          <p class="pp-card-line">{t('popupTabFine', tab.siteName)}</p>
          {tab.statusPage && (
            <div class="gg-actions">
              <StatusPageLink href={tab.statusPage} />
            </div>
          )}
        </>
      )}
    </section>
  );
}

interface TroubleProps {
  tab: PopupTab;
  incident: Incident;
  now: number;
  onChanged: () => void;
}

function Trouble({ tab, incident, now, onChanged }: TroubleProps) {
  const [note, setNote] = useState<string | null>(null);
  const [report, setReport] = useState<{ copied: boolean; text: string } | null>(null);
  const wording = incident.failure
    ? describeFailure(incident.failure)
    : incident.refusal
      ? describeRefusal(incident.refusal.kind, incident.refusal.status)
      : null;
  const act = async (action: PopupTabAction) => {
    const answer = await sendToBackground('popupTabAction', { tabId: tab.tabId, action }).catch(
      () => null,
    );
    setTimeout(onChanged, 1000);
    return answer?.ok === true;
  };
  const copyReport = reportCopier(tab, incident);

  return (
    <>
      {wording && (
        <p class="pp-trouble">
          {wording.code && <span class="gg-code">{wording.code} </span>}
          {t(wording.title)}
        </p>
      )}
      {tab.watched && <p class="pp-card-line pp-watching">{t('popupWatching', tab.siteName)}</p>}
      <p class="pp-card-line gg-muted">
        {t('popupTroubleSince', ago(incident.firstAt, now))}
        {incident.count > 1 && ` · ${t('compactCount', String(incident.count))}`}
      </p>
      <div class="gg-actions">
        {incident.failure && (
          <button
            type="button"
            class="gg-primary"
            onClick={(event) => {
              if (!fromUser(event)) return;
              setNote(t('popupRetrying'));
              void act('retry');
            }}
          >
            {t('actionRetryNow')}
          </button>
        )}
        {incident.failure && (
          <ClearSiteData
            siteName={tab.siteName}
            storageCleared={(incident.fixes ?? []).some((f) => f.fix === 'clear-storage')}
            cannotClearCache={__TARGET__ === 'firefox'}
            cookieScope={tab.cookieScope}
            run={(step) => act(step === 'cookies' ? 'clear-cookies' : 'clear-storage')}
            accept={fromUser}
          />
        )}
        {tab.statusPage && <StatusPageLink href={tab.statusPage} />}
        {copyReport && (
          <button
            type="button"
            onClick={(event) => fromUser(event) && void copyReport().then(setReport)}
          >
            {t('actionCopyReport')}
          </button>
        )}
      </div>
      {note && (
        <p class="gg-note-small" role="status">
          {note}
        </p>
      )}
      {report && (
        <div class="gg-report">
          <p role="status" class="gg-note-small">
            {report.copied ? t('reportCopied', tab.siteName) : t('reportCopyFailed')}
          </p>
          {!report.copied && (
            <textarea class="gg-report-text" readOnly value={report.text} rows={6} />
          )}
        </div>
      )}
    </>
  );
}

function StatusPageLink({ href }: { href: string }) {
  return (
    <a class="gg-link-button" href={href} target="_blank" rel="noopener noreferrer">
      {t('actionStatusPage')}
    </a>
  );
}

/** The panel's own support report, for an outage on a covered site. */
function reportCopier(tab: PopupTab, incident: Incident) {
  const site = siteById(tab.siteId);
  if (!site || !incident.failure) return null;
  return supportFixes({
    site,
    url: tab.url,
    failure: incident.failure,
    incident: () => incident,
    onExtensionPage: true,
    logFix: () => undefined,
  }).copyReport;
}
