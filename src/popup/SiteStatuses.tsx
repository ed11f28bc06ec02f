import type { HistoryEntry } from '~/shared/history.ts';
import { t } from '~/shared/i18n.ts';
import { isFetched, statusSourceOf } from '~/shared/status/sources.ts';
import type { StatusReading } from '~/shared/status/types.ts';
import { describeLevel, describeUnknownReason } from '~/shared/status/wording.ts';
import type { SiteAdapter } from '~/sites/index.ts';
import { ago } from '~/ui/pages/time-words.ts';
import { WeekLegend, WeekStrip } from './WeekStrip.tsx';
import { weekTimeline } from './week-timeline.ts';

interface Props {
  /** The enabled sites; null until the settings are read. */
  sites: SiteAdapter[] | null;
  /** null until the background answers (status pages can take seconds). */
  readings: Record<string, StatusReading> | null;
  /** The local incident history (every site's); null until the background answers. */
  history: HistoryEntry[] | null;
  now: number;
}

/**
 * What each enabled site's status page says, how old that reading is, and the site's last
 * seven days at a glance.
 */
export function SiteStatuses({ sites, readings, history, now }: Props) {
  // The week is drawn once both sources are in: a strip from half of them would show quiet
  // days that were not.
  const weekReady = readings !== null && history !== null;
  return (
    <section class="pp-section" aria-labelledby="pp-status-title">
      <h2 id="pp-status-title" class="pp-section-title">
        {t('popupStatusHeading')}
      </h2>
      {sites?.length === 0 && <p class="pp-empty gg-muted">{t('popupNoSitesOn')}</p>}
      {weekReady && (sites?.length ?? 0) > 0 && <WeekLegend />}
      <ul class="pp-statuses" aria-busy={readings === null ? 'true' : undefined}>
        {(sites ?? []).map((site) => (
          <SiteStatus
            key={site.id}
            site={site}
            reading={readings?.[site.id]}
            history={weekReady ? history : null}
            now={now}
          />
        ))}
      </ul>
    </section>
  );
}

function SiteStatus({
  site,
  reading,
  history,
  now,
}: {
  site: SiteAdapter;
  reading: StatusReading | undefined;
  /** null: no week to draw yet. */
  history: HistoryEntry[] | null;
  now: number;
}) {
  const page = site.status?.page;
  const source = statusSourceOf(site);
  // The chat product's own component says more than the whole page, when there is one.
  const level = reading ? (reading.component?.level ?? reading.level) : null;
  const why =
    reading && level === 'unknown'
      ? t('statusUnknownBecause', t(describeUnknownReason(reading.unknownReason)))
      : reading?.inferred
        ? t('statusFeedHint')
        : undefined;
  return (
    <li class="pp-status">
      {page ? (
        <a class="pp-status-site" href={page} target="_blank" rel="noopener noreferrer">
          {site.name}
        </a>
      ) : (
        <span class="pp-status-site">{site.name}</span>
      )}
      <span class="pp-status-line" title={why}>
        {level ? (
          <span class={`gg-level gg-level-${level}`}>{t(describeLevel(level))}</span>
        ) : (
          <span class="gg-muted">{t('popupStatusChecking')}</span>
        )}
        {reading && source && isFetched(source) && (
          <span class="gg-muted"> · {ago(reading.readAt, now)}</span>
        )}
      </span>
      {/* Last in the row's words (name, status, week), beside the name on screen. */}
      {history && <WeekStrip week={weekTimeline(site.id, history, reading, now)} />}
    </li>
  );
}
