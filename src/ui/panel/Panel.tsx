import { type ComponentChildren, cloneElement, Fragment, isValidElement } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Failure } from '~/shared/failure.ts';
import { t } from '~/shared/i18n.ts';
import type { RefusalKind } from '~/shared/refusals.ts';
import type { TechnicalDetails } from '~/shared/report.ts';
import { adviceFromStatus, workingAlternatives } from '~/shared/status/advice.ts';
import type { StatusReading } from '~/shared/status/types.ts';
import { describeFailure, describeRefusal } from '~/shared/wording.ts';
import { AutoRetryStatus } from './AutoRetryStatus.tsx';
import { type AutoRetryDeps, type AutoRetryState, startAutoRetry } from './auto-retry.ts';
import { ClearSiteData, type ClearSiteDataProps } from './ClearSiteData.tsx';
import { trapTab } from './focus.ts';
import { Alternatives, SiteStatus } from './SiteStatus.tsx';

/** What to explain: an outage, or an answer that is not one. */
export type Problem =
  /** `request`: a chat request failed while the page loaded fine. */
  | { failure: Failure; refusal?: undefined; request?: boolean }
  | { failure?: undefined; refusal: { kind: RefusalKind; status: number | null } };

/** The fixes on offer, in order of least harm. Absent ones are not shown. */
export interface PanelFixes {
  retryNow: () => void;
  /** Starts counting down as soon as the panel shows; not for refusals. */
  autoRetry?: Omit<AutoRetryDeps, 'onChange'>;
  reloadBypassingCache?: () => void;
  clearSiteData?: Omit<ClearSiteDataProps, 'accept'>;
  statusPage?: string | null;
  siteName?: string;
  /** The network checklist (rendered by its own component). */
  networkChecks?: ComponentChildren;
  /** Show the checklist from the start (the page was opened to run it). */
  networkChecksOpen?: boolean;
  /** Builds the support report and copies it; false when copying failed. */
  copyReport?: () => Promise<{ copied: boolean; text: string }>;
  /** Status, time and trace ids of the latest failure, behind a disclosure. */
  technical?: TechnicalDetails;
  /** The site's own retry control is on the page: Retry now clicks it (a failed answer). */
  retriesAnswer?: boolean;
  /** Live status: this site's, and the others' for alternatives (read when the panel opens). */
  status?: { siteId: string; load: () => Promise<Record<string, StatusReading>> };
}

export interface PanelProps {
  problem: Problem;
  /** The address that failed. */
  url: string;
  /**
   * overlay: modal over a failed site page; page: the content of the recovery page;
   * compact: a corner notice that leaves the conversation readable and usable.
   */
  variant: 'overlay' | 'page' | 'compact';
  /** Failures seen in this episode (shown when more than one). */
  count?: number;
  /** Absent for answers that are not outages: nothing to fix from here. */
  fixes?: PanelFixes;
  onDismiss: () => void;
  /** A demonstration (the welcome page): says so, as nothing has failed. */
  demo?: boolean;
  /**
   * Whether a click came from the user. A script of the site's page can reach into the
   * open shadow root and click our buttons; such clicks are not trusted and do nothing.
   */
  accept?: (event: Event) => boolean;
}

const fromUser = (event: Event) => event.isTrusted;

/**
 * The guided-fix panel: what failed, what it means, whose side it is likely on, and the
 * fixes. Its accessible name is the failure's title ("502 Bad Gateway"), a contract tests
 * and screen readers rely on.
 */
export function Panel(props: PanelProps) {
  const { problem, url, variant, count = 1, fixes, onDismiss, accept = fromUser } = props;
  const wording = problem.failure
    ? describeFailure(problem.failure, problem.request ? 'request' : 'page')
    : describeRefusal(problem.refusal.kind, problem.refusal.status);
  const retry = useRef<HTMLButtonElement>(null);
  const dismiss = useRef<HTMLButtonElement>(null);
  const compact = variant === 'compact';
  const [moreOpen, setMoreOpen] = useState(!compact);
  // Compact and closed: the code, one line of meaning and the two actions; the rest waits
  // behind More fixes, so the notice stays small.
  const brief = compact && !moreOpen && fixes !== undefined;
  const retryState = useAutoRetry(fixes?.autoRetry);
  const readings = useStatus(fixes?.status);
  const ownReading =
    !fixes?.status || readings === undefined
      ? undefined
      : (readings?.[fixes.status.siteId] ?? null);
  const advice = adviceFromStatus(ownReading);
  // When the status page says all is well, the local fixes come before waiting it out.
  const localFirst = advice === 'local';

  useEffect(() => {
    // A compact notice must not steal focus from the composer while the user types.
    if (!compact) (retry.current ?? dismiss.current)?.focus();
    if (variant !== 'overlay') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !accept(event)) return;
      event.stopPropagation();
      onDismiss();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [variant, compact, onDismiss, accept]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && variant !== 'overlay' && accept(event)) {
      event.stopPropagation();
      onDismiss();
    }
    if (!compact) trapTab(event);
  };
  const click = (action: () => void) => (event: Event) => {
    if (accept(event)) action();
  };

  return (
    <div class={`gg-${variant}`}>
      <section
        class="gg-panel"
        role="dialog"
        aria-modal={variant === 'overlay' ? 'true' : undefined}
        aria-labelledby="gg-title"
        aria-describedby="gg-meaning"
        onKeyDown={onKeyDown}
      >
        <p class="gg-brand">
          {t('panelBrand')}
          {props.demo && <span class="gg-demo">{t('panelDemoLabel')}</span>}
        </p>
        <h2 id="gg-title" class="gg-title">
          {wording.code && <span class="gg-code">{wording.code}</span>}
          {wording.code && ' '}
          {t(wording.title)}
        </h2>
        <p id="gg-meaning" class="gg-meaning">
          {t(wording.meaning)}
        </p>
        {problem.failure?.kind === 'page' && <q class="gg-quote">{problem.failure.text}</q>}
        {!brief && <p class="gg-side">{t(wording.side, hostOf(url))}</p>}
        {count > 1 && <p class="gg-count">{t('compactCount', String(count))}</p>}
        {!brief && fixes?.status && (
          <SiteStatus
            siteId={fixes.status.siteId}
            siteName={fixes.siteName ?? hostOf(url)}
            reading={ownReading}
            advice={advice}
            autoRetry={fixes.autoRetry !== undefined}
          />
        )}
        {fixes && localFirst && moreOpen && (
          <MoreFixes fixes={fixes} accept={accept} statusAllClear />
        )}
        {fixes?.autoRetry && (
          <AutoRetryStatus
            state={retryState.state}
            onStop={retryState.stop}
            onResume={retryState.resume}
            accept={accept}
          />
        )}
        <div class="gg-actions">
          {fixes && (
            <button type="button" class="gg-primary" ref={retry} onClick={click(fixes.retryNow)}>
              {t(fixes.retriesAnswer ? 'actionRetryAnswer' : 'actionRetryNow')}
            </button>
          )}
          <button type="button" ref={dismiss} onClick={click(onDismiss)}>
            {t('actionDismiss')}
          </button>
          {fixes && compact && !moreOpen && (
            <button type="button" aria-expanded="false" onClick={click(() => setMoreOpen(true))}>
              {t('actionMoreFixes')}
            </button>
          )}
        </div>
        {fixes && !localFirst && moreOpen && <MoreFixes fixes={fixes} accept={accept} />}
        {!brief && fixes?.status && readings && (
          <Alternatives siteIds={workingAlternatives(readings, fixes.status.siteId)} />
        )}
      </section>
    </div>
  );
}

function MoreFixes({
  fixes,
  accept,
  statusAllClear = false,
}: {
  fixes: PanelFixes;
  accept: (event: Event) => boolean;
  /** The status page reports no incident: the checks' advice may name what is left. */
  statusAllClear?: boolean;
}) {
  const [report, setReport] = useState<{ copied: boolean; text: string } | null>(null);
  const [checksOpen, setChecksOpen] = useState(fixes.networkChecksOpen ?? false);
  const click = (action: () => void) => (event: Event) => {
    if (accept(event)) action();
  };
  return (
    <div class="gg-more">
      <h3 class="gg-more-title">{t('fixesHeading')}</h3>
      <div class="gg-actions">
        {fixes.reloadBypassingCache && (
          <button type="button" onClick={click(fixes.reloadBypassingCache)}>
            {t('actionReloadNoCache')}
          </button>
        )}
        {fixes.clearSiteData && <ClearSiteData {...fixes.clearSiteData} accept={accept} />}
        {fixes.statusPage && (
          <a
            class="gg-link-button"
            href={fixes.statusPage}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('actionStatusPage')}
          </a>
        )}
        {fixes.networkChecks && !checksOpen && (
          <button type="button" aria-expanded="false" onClick={click(() => setChecksOpen(true))}>
            {t('actionNetworkChecks')}
          </button>
        )}
        {fixes.copyReport && (
          <button
            type="button"
            onClick={click(() => {
              void fixes.copyReport?.().then(setReport);
            })}
          >
            {t('actionCopyReport')}
          </button>
        )}
      </div>
      {fixes.statusPage === null && fixes.siteName && (
        <p class="gg-note-small">{t('noStatusPage', fixes.siteName)}</p>
      )}
      {checksOpen &&
        (isValidElement(fixes.networkChecks)
          ? cloneElement(fixes.networkChecks, { statusAllClear })
          : fixes.networkChecks)}
      {fixes.technical && <Technical details={fixes.technical} />}
      {report && (
        <div class="gg-report">
          <p role="status" class="gg-note-small">
            {report.copied ? t('reportCopied', fixes.siteName ?? '') : t('reportCopyFailed')}
          </p>
          {!report.copied && (
            <textarea class="gg-report-text" readOnly value={report.text} rows={8} />
          )}
        </div>
      )}
    </div>
  );
}

/** What a person would otherwise dig out of the browser's developer tools. */
function Technical({ details }: { details: TechnicalDetails }) {
  return (
    <details class="gg-tech">
      <summary>{t('techDetails')}</summary>
      <dl>
        <dt>{t('techStatus')}</dt>
        <dd>{details.status}</dd>
        <dt>{t('techTime')}</dt>
        <dd>{details.time}</dd>
        {details.tookMs !== null && (
          <>
            <dt>{t('techTook')}</dt>
            <dd>{t('techTookMs', String(details.tookMs))}</dd>
          </>
        )}
        {details.headers.map(([name, value]) => (
          <Fragment key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}

/** Reads the sites' status once when the panel opens (undefined until it answers). */
function useStatus(status: PanelFixes['status']) {
  const [readings, setReadings] = useState<Record<string, StatusReading> | null | undefined>();
  useEffect(() => {
    if (!status) return;
    let live = true;
    status
      .load()
      .then((r) => live && setReadings(r))
      .catch(() => live && setReadings(null));
    return () => {
      live = false;
    };
    // Read once per panel.
  }, []);
  return readings;
}

/**
 * Follows the site's automatic recovery for as long as the panel is shown. Closing the
 * panel only stops following it: Stop (for every tab of the site) is the user's call.
 */
function useAutoRetry(deps: Omit<AutoRetryDeps, 'onChange'> | undefined) {
  const [state, setState] = useState<AutoRetryState | null>(null);
  const handle = useRef<ReturnType<typeof startAutoRetry> | null>(null);
  useEffect(() => {
    if (!deps) return;
    handle.current = startAutoRetry({ ...deps, onChange: setState });
    return () => handle.current?.dispose();
    // Started once per panel: a new episode gets a new panel (it is keyed by episode).
  }, []);
  return {
    state,
    stop: () => handle.current?.stop(),
    resume: () => handle.current?.resume(),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
