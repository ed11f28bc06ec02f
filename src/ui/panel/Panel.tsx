import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Failure } from '~/shared/failure.ts';
import { t } from '~/shared/i18n.ts';
import { fromUser } from '~/shared/protocol/senders.ts';
import type { RefusalKind } from '~/shared/refusals.ts';
import type { TechnicalDetails } from '~/shared/report.ts';
import { workingAlternatives } from '~/shared/status/advice.ts';
import type { StatusReading } from '~/shared/status/types.ts';
import { TIMINGS } from '~/shared/timings.ts';
import { describeFailure, describeRefusal } from '~/shared/wording.ts';
import { AutoRetryStatus } from './AutoRetryStatus.tsx';
import { type AutoRetryDeps, type AutoRetryState, startAutoRetry } from './auto-retry.ts';
import { ClearSiteData } from './ClearSiteData.tsx';
import type { FixActions } from './fix-actions.ts';
import { type Fix, type FixContext, fixOf, LEAD_FIXES, planFixes } from './fix-plan.ts';
import { trapTab } from './focus.ts';
import { checksLogResult, NetworkChecks } from './NetworkChecks.tsx';
import { Alternatives, SiteStatus } from './SiteStatus.tsx';
import { StatusPageLink } from './StatusPageLink.tsx';

/** What to explain: an outage, or an answer that is not one. */
export type Problem =
  /** `request`: a chat request failed while the page loaded fine. */
  | { failure: Failure; refusal?: undefined; request?: boolean }
  | { failure?: undefined; refusal: { kind: RefusalKind; status: number | null } };

/**
 * The fixes: what they are decided from, and what a click on each does. The panel adds the
 * site's status once read, and shows what `planFixes` makes of it.
 */
export interface PanelFixes {
  context: FixContext;
  actions: FixActions;
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
  const actions = fixes?.actions;
  const statusFix = fixes ? fixOf(offered(fixes, undefined), 'status') : undefined;
  const readings = useStatus(statusFix ? actions?.loadStatus : undefined);
  const ownReading =
    !statusFix || readings === undefined ? undefined : (readings?.[statusFix.siteId] ?? null);
  const plan = fixes ? offered(fixes, ownReading) : [];
  const status = fixOf(plan, 'status');
  const retryNow = fixOf(plan, 'retry-now');
  const autoRetry = fixOf(plan, 'auto-retry');
  const more = plan.filter((fix) => fix.kind !== 'status' && !LEAD_FIXES.includes(fix.kind));
  const lead = plan.findIndex((fix) => LEAD_FIXES.includes(fix.kind));
  // The plan may put the local fixes before retrying (the status page says all is well).
  const moreFirst = more.length > 0 && lead >= 0 && plan.indexOf(more[0] as Fix) < lead;
  const hasFixes = plan.length > 0;
  // Compact and closed: the code, one line of meaning and the two actions; the rest waits
  // behind More fixes, so the notice stays small.
  const brief = compact && !moreOpen && hasFixes;
  const retryState = useAutoRetry(autoRetry ? actions?.autoRetry : undefined);

  // A layout effect, not an effect: it runs as the panel is committed, so a key pressed the
  // moment the panel shows finds the focus and the Escape listener already in place (an
  // effect waits for the next frame, which a busy or hidden tab may delay).
  useLayoutEffect(() => {
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
        {!brief && status && (
          <SiteStatus
            source={status.source}
            siteName={status.siteName}
            reading={status.reading}
            advice={status.advice}
            autoRetry={autoRetry !== undefined}
          />
        )}
        {actions && hasFixes && moreFirst && moreOpen && (
          <MoreFixes fixes={more} actions={actions} accept={accept} />
        )}
        {autoRetry && (
          <AutoRetryStatus
            state={retryState.state}
            onStop={retryState.stop}
            onResume={retryState.resume}
            accept={accept}
          />
        )}
        <div class="gg-actions">
          {actions && retryNow && (
            <button type="button" class="gg-primary" ref={retry} onClick={click(actions.retryNow)}>
              {t(retryNow.answer ? 'actionRetryAnswer' : 'actionRetryNow')}
            </button>
          )}
          <button type="button" ref={dismiss} onClick={click(onDismiss)}>
            {t('actionDismiss')}
          </button>
          {hasFixes && compact && !moreOpen && (
            <button type="button" aria-expanded="false" onClick={click(() => setMoreOpen(true))}>
              {t('actionMoreFixes')}
            </button>
          )}
        </div>
        {actions && hasFixes && !moreFirst && moreOpen && (
          <MoreFixes fixes={more} actions={actions} accept={accept} />
        )}
        {!brief && status && readings && (
          <Alternatives siteIds={workingAlternatives(readings, status.siteId)} />
        )}
      </section>
    </div>
  );
}

/** The plan, without what this place has not wired (a fix without its action). */
function offered(fixes: PanelFixes, reading: FixContext['reading']): Fix[] {
  const { actions } = fixes;
  return planFixes({ ...fixes.context, reading }).filter((fix) => {
    switch (fix.kind) {
      case 'status':
        return actions.loadStatus !== undefined;
      case 'auto-retry':
        return actions.autoRetry !== undefined;
      case 'reload-no-cache':
        return actions.reloadBypassingCache !== undefined;
      case 'clear-site-data':
        return actions.clearSiteData !== undefined;
      case 'report':
        return actions.copyReport !== undefined;
      default:
        return true;
    }
  });
}

/** The fixes after the main buttons: a row of buttons, then what they open, in plan order. */
function MoreFixes({
  fixes,
  actions,
  accept,
}: {
  fixes: Fix[];
  actions: FixActions;
  accept: (event: Event) => boolean;
}) {
  const [report, setReport] = useState<{ copied: boolean; text: string } | null>(null);
  const [checksOpen, setChecksOpen] = useState(fixOf(fixes, 'network-checks')?.open ?? false);
  const click = (action: () => void) => (event: Event) => {
    if (accept(event)) action();
  };
  const button = (fix: Fix) => {
    switch (fix.kind) {
      case 'reload-no-cache':
        return (
          actions.reloadBypassingCache && (
            <button type="button" onClick={click(actions.reloadBypassingCache)}>
              {t('actionReloadNoCache')}
            </button>
          )
        );
      case 'clear-site-data':
        return (
          actions.clearSiteData && (
            <ClearSiteData
              siteName={fix.siteName}
              storageCleared={fix.storageCleared}
              cannotClearCache={fix.cannotClearCache}
              cookieScope={fix.cookieScope}
              run={actions.clearSiteData}
              accept={accept}
            />
          )
        );
      case 'status-page':
        return fix.url && <StatusPageLink href={fix.url} />;
      case 'network-checks':
        return (
          !checksOpen && (
            <button type="button" aria-expanded="false" onClick={click(() => setChecksOpen(true))}>
              {t('actionNetworkChecks')}
            </button>
          )
        );
      case 'report':
        return (
          <button
            type="button"
            onClick={click(() => {
              void actions.copyReport?.().then(setReport);
            })}
          >
            {t('actionCopyReport')}
          </button>
        );
      default:
        return null;
    }
  };
  const below = (fix: Fix) => {
    switch (fix.kind) {
      case 'status-page':
        return fix.url === null && <p class="gg-note-small">{t('noStatusPage', fix.siteName)}</p>;
      case 'network-checks':
        return (
          checksOpen && (
            <NetworkChecks
              siteHost={fix.siteHost}
              statusHost={fix.statusHost}
              canCheckProxy={fix.canCheckProxy}
              onOpenFullChecks={fix.openFullChecks ? actions.openFullChecks : undefined}
              autoRun={fix.autoRun}
              statusAllClear={fix.statusAllClear}
              onResults={(results) => actions.logFix?.('network-checks', checksLogResult(results))}
            />
          )
        );
      case 'technical':
        return <Technical details={fix.details} />;
      case 'report':
        return (
          report && (
            <div class="gg-report">
              <p role="status" class="gg-note-small">
                {report.copied ? t('reportCopied', fix.siteName) : t('reportCopyFailed')}
              </p>
              {!report.copied && (
                <textarea class="gg-report-text" readOnly value={report.text} rows={8} />
              )}
            </div>
          )
        );
      default:
        return null;
    }
  };
  return (
    <div class="gg-more">
      <h3 class="gg-more-title">{t('fixesHeading')}</h3>
      <div class="gg-actions">
        {fixes.map((fix) => (
          <Fragment key={fix.kind}>{button(fix)}</Fragment>
        ))}
      </div>
      {fixes.map((fix) => (
        <Fragment key={fix.kind}>{below(fix)}</Fragment>
      ))}
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

/**
 * Reads the sites' status when the panel opens (undefined until it answers), then again as
 * often as a watched site's status page is read, for as long as the panel stays open: a
 * long outage's status page moves on (a fix posted, all clear). A failed re-read keeps
 * what was shown.
 */
function useStatus(load: FixActions['loadStatus']) {
  const [readings, setReadings] = useState<Record<string, StatusReading> | null | undefined>();
  useEffect(() => {
    if (!load) return;
    let live = true;
    const read = () =>
      load()
        .then((r) => live && setReadings(r))
        .catch(() => live && setReadings((shown) => shown ?? null));
    void read();
    const again = setInterval(read, TIMINGS.recoveryStatusEveryMs);
    return () => {
      live = false;
      clearInterval(again);
    };
    // Started once per panel.
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
