import type { HistoryEntry } from '~/shared/history.ts';
import { type MessageKey, t } from '~/shared/i18n.ts';
import type { SiteRegistry } from '~/sites/index.ts';
import { ago, duration } from '~/ui/pages/time-words.ts';

/** The popup has room for this many; the rest stay in storage (the options can wipe them). */
const SHOWN = 5;

const ENDED: Record<HistoryEntry['ended'], MessageKey> = {
  recovered: 'historyEndedRecovered',
  left: 'historyEndedLeft',
  closed: 'historyEndedClosed',
};

/** Incidents that ended on this device, newest first; or the all-clear when there are none. */
export function RecentIncidents({
  entries,
  now,
  sites,
}: {
  entries: HistoryEntry[] | null;
  now: number;
  /** For the sites' names, the user's own included (null: not read yet). */
  sites: SiteRegistry | null;
}) {
  return (
    <section class="pp-section pp-history-section" aria-labelledby="pp-history-title">
      <h2 id="pp-history-title" class="pp-section-title">
        {t('popupHistoryHeading')}
      </h2>
      {entries?.length === 0 && <p class="pp-empty">{t('popupHistoryEmpty')}</p>}
      {entries && entries.length > 0 && (
        <table class="pp-history">
          <thead class="gg-visually-hidden">
            <tr>
              <th scope="col">{t('historyColumnSite')}</th>
              <th scope="col">{t('historyColumnProblem')}</th>
              <th scope="col">{t('historyColumnWhen')}</th>
              <th scope="col">{t('historyColumnLasted')}</th>
              <th scope="col">{t('historyColumnEnded')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, SHOWN).map((entry) => (
              <tr key={`${entry.siteId}-${entry.startedAt}-${entry.endedAt}`}>
                <td class="pp-history-site">{sites?.byId(entry.siteId)?.name ?? entry.siteId}</td>
                <td class="gg-code">{problemOf(entry)}</td>
                <td>{ago(entry.startedAt, now)}</td>
                <td>{t('historyLasted', duration(entry.endedAt - entry.startedAt))}</td>
                <td class="gg-muted">{t(ENDED[entry.ended])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function problemOf(entry: HistoryEntry): string {
  if (entry.kind === 'http' && entry.code !== null) return String(entry.code);
  return entry.kind === 'network' ? t('historyKindNetwork') : t('historyKindPage');
}
