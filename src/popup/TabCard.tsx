import { useState } from 'preact/hooks';
import { t } from '~/shared/i18n.ts';
import type { Incident } from '~/shared/incident.ts';
import { sendToBackground } from '~/shared/protocol/messages.ts';
import { fromUser } from '~/shared/protocol/senders.ts';
import type { PopupTab, PopupTabAction } from '~/shared/protocol/ui-messages.ts';
import { describeFailure, describeRefusal } from '~/shared/wording.ts';
import { ago } from '~/ui/pages/time-words.ts';
import { ClearSiteData } from '~/ui/panel/ClearSiteData.tsx';
import { fixAbilities } from '~/ui/panel/fix-actions.ts';
import { type FixContext, planFixes } from '~/ui/panel/fix-plan.ts';
import { StatusPageLink } from '~/ui/panel/StatusPageLink.tsx';
import { reportCopier } from '~/ui/panel/support.ts';

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
  const copyReport = incident.failure
    ? reportCopier({
        site: { id: tab.siteId, name: tab.siteName },
        url: tab.url,
        failure: incident.failure,
        incident: () => incident,
      })
    : null;

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
        {planFixes(popupContext(tab, incident)).map((fix) => {
          switch (fix.kind) {
            case 'retry-now':
              return (
                <button
                  key={fix.kind}
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
              );
            case 'clear-site-data':
              return (
                <ClearSiteData
                  key={fix.kind}
                  siteName={fix.siteName}
                  storageCleared={fix.storageCleared}
                  cannotClearCache={fix.cannotClearCache}
                  cookieScope={fix.cookieScope}
                  run={(step) => act(step === 'cookies' ? 'clear-cookies' : 'clear-storage')}
                  accept={fromUser}
                />
              );
            case 'status-page':
              return fix.url && <StatusPageLink key={fix.kind} href={fix.url} />;
            case 'report':
              return (
                copyReport && (
                  <button
                    key={fix.kind}
                    type="button"
                    onClick={(event) => fromUser(event) && void copyReport().then(setReport)}
                  >
                    {t('actionCopyReport')}
                  </button>
                )
              );
            default:
              return null;
          }
        })}
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

/** The card's fixes are the panel's, as far as the popup can reach the tab from outside. */
function popupContext(tab: PopupTab, incident: Incident): FixContext {
  return {
    surface: 'popup',
    url: tab.url,
    failure: incident.failure,
    incident,
    site: {
      id: tab.siteId,
      name: tab.siteName,
      hosts: tab.hosts,
      statusPage: tab.statusPage,
      statusSource: tab.statusSource,
      cookieScope: tab.cookieScope,
    },
    autoRetry: false,
    ...fixAbilities(),
  };
}
