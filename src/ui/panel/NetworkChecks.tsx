import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '~/shared/i18n.ts';
import {
  type Advice,
  adviseFromChecks,
  type CheckResults,
  type ProbeResult,
  type ProxyState,
} from '~/shared/network-advice.ts';
import { fromUser } from '~/shared/protocol/senders.ts';
import { probeHost, probeUrl } from './network-probe.ts';
import { checkProxy as checkProxyDefault } from './proxy-check.ts';

export interface NetworkChecksProps {
  /** The chat site's host, as in the failed address: "chatgpt.com". */
  siteHost: string;
  /** Another host to compare with: the site's status page host (null: none, not checked). */
  statusHost: string | null;
  /**
   * This page can ask for the `proxy` permission and read the settings: a Firefox extension
   * page (`canCheckProxyHere()`). Never in a content script.
   */
  canCheckProxy: boolean;
  /**
   * Where the proxy cannot be checked (a site's page): opens the full checks on an extension
   * page. Absent, and `canCheckProxy` false: no proxy row at all (Chrome).
   */
  onOpenFullChecks?: () => void;
  /** Run the checks as soon as shown (the full checks page, opened for this). */
  autoRun?: boolean;
  /** The site's status page reports no incident (set by the panel once it has read it). */
  statusAllClear?: boolean;
  /** Results after each run and each proxy check (for the fix log). */
  onResults?: (results: CheckResults, advice: Advice) => void;
  /**
   * Whether a click came from the user, as in the panel: a site's script can click into an
   * open shadow root, and such clicks must not run probes or ask for permissions.
   */
  accept?: (event: Event) => boolean;
  /** Seams for tests; the real ones by default. */
  probe?: (url: string) => Promise<ProbeResult>;
  checkProxy?: () => Promise<ProxyState>;
}

type Pending = { site: boolean; other: boolean; proxy: boolean };

const EMPTY: CheckResults = { online: null, site: null, other: null, proxy: null };
const NOTHING_PENDING: Pending = { site: false, other: false, proxy: false };
const UNREACHABLE: ProbeResult = { reachable: false, ms: null };

/**
 * The network checklist: is the browser online, can the site's host be reached (timed), can
 * another host be reached, is a proxy set; then advice matched to the results. Only the
 * site's host and its status page's host are contacted.
 */
export function NetworkChecks({
  siteHost,
  statusHost,
  canCheckProxy,
  onOpenFullChecks,
  autoRun = false,
  statusAllClear,
  onResults,
  accept = fromUser,
  probe = probeHost,
  checkProxy = checkProxyDefault,
}: NetworkChecksProps) {
  const [results, setResults] = useState<CheckResults>(EMPTY);
  const [pending, setPending] = useState<Pending>(NOTHING_PENDING);
  // The results as of now, for the callbacks of checks still under way.
  const latest = useRef(results);
  const alive = useRef(true);
  const titleId = useId();
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  /** One check finished. */
  const update = (patch: Partial<CheckResults>, done: keyof Pending) => {
    if (!alive.current) return;
    latest.current = { ...latest.current, ...patch };
    setResults(latest.current);
    setPending((now) => ({ ...now, [done]: false }));
  };
  const report = () => {
    if (alive.current) {
      onResults?.(latest.current, adviseFromChecks({ ...latest.current, statusAllClear }));
    }
  };

  const run = () => {
    if (pending.site || pending.other) return;
    const online = typeof navigator === 'undefined' ? null : navigator.onLine;
    latest.current = { ...latest.current, online, site: null, other: null };
    setResults(latest.current);
    setPending((now) => ({ ...now, site: true, other: statusHost !== null }));
    const reach = (host: string) => probe(probeUrl(host)).catch(() => UNREACHABLE);
    const checks = [
      reach(siteHost).then((site) => update({ site }, 'site')),
      statusHost ? reach(statusHost).then((other) => update({ other }, 'other')) : null,
    ];
    void Promise.all(checks).then(report);
  };

  const onRun = (event: Event) => {
    if (accept(event)) run();
  };

  const onCheckProxy = (event: Event) => {
    if (!accept(event) || pending.proxy) return;
    // The permission prompt must be asked for here, before anything is awaited.
    const answer = checkProxy();
    setPending((now) => ({ ...now, proxy: true }));
    void answer
      .catch((): ProxyState => 'unknown')
      .then((proxy) => {
        update({ proxy }, 'proxy');
        report();
      });
  };

  const onOpenFull = (event: Event) => {
    if (accept(event)) onOpenFullChecks?.();
  };

  // Runs once, when first shown.
  useEffect(() => {
    if (autoRun) run();
  }, []);

  const running = pending.site || pending.other;
  const advice = adviseFromChecks({ ...results, statusAllClear });
  const words = [siteHost, statusHost ?? ''];
  const proxyRow = canCheckProxy || onOpenFullChecks;

  return (
    <section class="gg-checks" aria-labelledby={titleId}>
      <h3 id={titleId} class="gg-checks-title">
        {t('checksTitle')}
      </h3>
      <p class="gg-checks-intro">
        {statusHost ? t('checksIntro', siteHost) : t('checksIntroNoStatus', siteHost)}
      </p>
      <ul class="gg-checks-list">
        <Row name={t('checksOnline')} state={onlineState(results.online)} />
        <Row name={t('checksSite', siteHost)} state={probeState(results.site, pending.site)} />
        {statusHost && (
          <Row
            name={t('checksOther', statusHost)}
            state={probeState(results.other, pending.other)}
          />
        )}
        {proxyRow && (
          <Row
            name={t('checksProxy')}
            state={
              canCheckProxy
                ? proxyState(results.proxy, pending.proxy)
                : { kind: 'idle', text: t('checksProxyElsewhere') }
            }
          />
        )}
      </ul>
      <div class="gg-actions gg-checks-actions">
        <button
          type="button"
          class="gg-primary"
          aria-disabled={running ? 'true' : undefined}
          onClick={onRun}
        >
          {t('checksRun')}
        </button>
        {canCheckProxy ? (
          <button
            type="button"
            aria-disabled={pending.proxy ? 'true' : undefined}
            onClick={onCheckProxy}
          >
            {t('checksProxyButton')}
          </button>
        ) : (
          onOpenFullChecks && (
            <button type="button" onClick={onOpenFull}>
              {t('checksOpenFull')}
            </button>
          )
        )}
      </div>
      <div class="gg-checks-summary" aria-live="polite">
        {running ? (
          <p>{t('checksRunning')}</p>
        ) : (
          <>
            {advice.findings.map((key) => (
              <p key={key}>{t(key, words)}</p>
            ))}
            {advice.steps.length > 0 && (
              <>
                <p class="gg-checks-steps-title">{t('checksStepsTitle')}</p>
                <ul class="gg-checks-steps">
                  {advice.steps.map((key) => (
                    <li key={key}>{t(key, words)}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}

interface RowState {
  kind: 'idle' | 'checking' | 'ok' | 'failed' | 'warn';
  text: string;
}

function Row({ name, state }: { name: string; state: RowState }) {
  return (
    <li class="gg-check" data-state={state.kind}>
      <span class="gg-check-mark" aria-hidden="true">
        {MARKS[state.kind]}
      </span>
      <span class="gg-check-name">{name}</span>
      <span class="gg-check-state">{state.text}</span>
    </li>
  );
}

const MARKS: Record<RowState['kind'], string> = {
  idle: '○',
  checking: '…',
  ok: '✓',
  failed: '✗',
  warn: '!',
};

function onlineState(online: boolean | null): RowState {
  if (online === null) return { kind: 'idle', text: t('checksStateNotRun') };
  return online
    ? { kind: 'ok', text: t('checksStateOnline') }
    : { kind: 'failed', text: t('checksStateOffline') };
}

function probeState(result: ProbeResult | null, checking: boolean): RowState {
  if (checking) return { kind: 'checking', text: t('checksStateChecking') };
  if (!result) return { kind: 'idle', text: t('checksStateNotRun') };
  return result.reachable
    ? { kind: 'ok', text: t('checksStateReached', String(result.ms ?? 0)) }
    : { kind: 'failed', text: t('checksStateUnreachable') };
}

function proxyState(state: ProxyState | null, checking: boolean): RowState {
  if (checking) return { kind: 'checking', text: t('checksStateChecking') };
  switch (state) {
    case null:
      return { kind: 'idle', text: t('checksStateNotRun') };
    case 'set':
      return { kind: 'warn', text: t('checksStateProxySet') };
    case 'not-set':
      return { kind: 'ok', text: t('checksStateProxyNotSet') };
    case 'unknown':
      return { kind: 'warn', text: t('checksStateProxySystem') };
    case 'declined':
      return { kind: 'idle', text: t('checksStateProxyDeclined') };
  }
}

/** A short outcome for the fix log (at most 40 characters): "site 123ms, other fail". */
export function checksLogResult(results: CheckResults): string {
  const probe = (r: ProbeResult | null) => (!r ? '-' : r.reachable ? `${r.ms ?? 0}ms` : 'fail');
  const parts = [`site ${probe(results.site)}`, `other ${probe(results.other)}`];
  if (results.online === false) parts.unshift('offline');
  if (results.proxy) parts.push(`proxy ${results.proxy}`);
  return parts.join(', ').slice(0, 40);
}
