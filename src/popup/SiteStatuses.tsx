import { t } from '~/shared/i18n.ts';
import { isFetched, statusSourceFor } from '~/shared/status/sources.ts';
import type { StatusReading } from '~/shared/status/types.ts';
import { describeLevel, describeUnknownReason } from '~/shared/status/wording.ts';
import type { SiteAdapter } from '~/sites/index.ts';
import { ago } from '~/ui/pages/time-words.ts';

interface Props {
  /** The enabled sites; null until the settings are read. */
  sites: SiteAdapter[] | null;
  /** null until the background answers (status pages can take seconds). */
  readings: Record<string, StatusReading> | null;
  now: number;
}

/** What each enabled site's status page says, and how old that reading is. */
export function SiteStatuses({ sites, readings, now }: Props) {
  return (
    <section class="pp-section" aria-labelledby="pp-status-title">
      <h2 id="pp-status-title" class="pp-section-title">
        {t('popupStatusHeading')}
      </h2>
      {sites?.length === 0 && <p class="pp-empty gg-muted">{t('popupNoSitesOn')}</p>}
      <ul class="pp-statuses" aria-busy={readings === null ? 'true' : undefined}>
        {(sites ?? []).map((site) => (
          <SiteStatus key={site.id} site={site} reading={readings?.[site.id]} now={now} />
        ))}
      </ul>
    </section>
  );
}

function SiteStatus({
  site,
  reading,
  now,
}: {
  site: SiteAdapter;
  reading: StatusReading | undefined;
  now: number;
}) {
  const page = site.status?.page;
  const source = statusSourceFor(site.id);
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
    </li>
  );
}
