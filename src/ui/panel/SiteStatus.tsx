import { t } from '~/shared/i18n.ts';
import { chatIncident, type StatusAdvice } from '~/shared/status/advice.ts';
import type { SiteStatusSource } from '~/shared/status/sources.ts';
import type { StatusReading } from '~/shared/status/types.ts';
import {
  describeLevel,
  describeMissingSource,
  describeUnknownReason,
} from '~/shared/status/wording.ts';
import { BUILT_IN_SITES } from '~/sites/index.ts';

/**
 * The site's live status in one line (with the newest incident and a link), what it means
 * for the advice, and where else to go meanwhile. Provider text is shown as text only.
 */
export function SiteStatus({
  source,
  siteName,
  reading,
  advice,
  autoRetry = true,
}: {
  /** Where the site's status comes from (the user's own sites have a link at most). */
  source: SiteStatusSource;
  siteName: string;
  /** undefined: still reading. */
  reading: StatusReading | null | undefined;
  advice: StatusAdvice;
  /** Automatic retry is on offer here; advice never names a fix the screen lacks. */
  autoRetry?: boolean;
}) {
  const missing = describeMissingSource(source);
  if (missing) {
    return (
      <p class="gg-status" data-level="none">
        {t(missing.sentence, [siteName, missing.link ?? ''])}{' '}
        {missing.link && (
          <a href={missing.link} target="_blank" rel="noopener noreferrer">
            {t('actionStatusPage')}
          </a>
        )}
      </p>
    );
  }
  if (reading === undefined) return <p class="gg-status">{t('statusChecking', siteName)}</p>;
  if (!reading || reading.level === 'unknown') {
    const reason = t(describeUnknownReason(reading?.unknownReason ?? null));
    return (
      <p class="gg-status" data-level="unknown">
        {t('statusUnknownBecause', reason)}
      </p>
    );
  }
  const level = reading.component?.level ?? reading.level;
  const incident = chatIncident(reading);
  return (
    <div class="gg-status" data-level={level}>
      <p class="gg-status-line">
        {incident ? (
          <StatusWithIncident
            siteName={siteName}
            level={t(describeLevel(level))}
            title={incident.title}
            url={incident.url}
          />
        ) : (
          t('statusLine', [siteName, t(describeLevel(level))])
        )}
      </p>
      {reading.inferred && <p class="gg-note-small">{t('statusFeedHint')}</p>}
      {advice && (
        <p class="gg-status-advice">
          {t(
            advice === 'local'
              ? 'statusAdviceLocal'
              : autoRetry
                ? 'statusAdviceService'
                : 'statusAdviceServiceWait',
            siteName,
          )}
        </p>
      )}
    </div>
  );
}

/** A character no message holds: where the incident's title goes in the sentence. */
const SLOT = '\u0001';

/**
 * "ChatGPT status: Partial outage – Elevated errors", with the language's own separators
 * (they are in the message), and the incident's title as a link when it has one.
 */
function StatusWithIncident(props: {
  siteName: string;
  level: string;
  title: string;
  url: string | null | undefined;
}) {
  const sentence = t('statusLineIncident', [props.siteName, props.level, SLOT]);
  const [before, after = ''] = sentence.includes(SLOT)
    ? sentence.split(SLOT)
    : [`${sentence} `, ''];
  const title = props.url ? (
    <a href={props.url} target="_blank" rel="noopener noreferrer">
      {props.title}
    </a>
  ) : (
    props.title
  );
  return (
    <>
      {before}
      {title}
      {after}
    </>
  );
}

/**
 * Other enabled sites whose status page says they work, as links. Only built-in sites have
 * a status page Gateway Guard can read, so only they can be named working.
 */
export function Alternatives({ siteIds }: { siteIds: string[] }) {
  const sites = siteIds.map((id) => BUILT_IN_SITES.byId(id)).filter((s) => s !== null);
  if (sites.length === 0) return null;
  return (
    <nav class="gg-alternatives" aria-labelledby="gg-alternatives-title">
      <h3 id="gg-alternatives-title" class="gg-more-title">
        {t('alternativesHeading')}
      </h3>
      <ul>
        {sites.slice(0, 4).map((site) => (
          <li key={site.id}>
            <a
              href={`https://${site.hosts[0]}${site.pathPrefix ?? '/'}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              {site.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
