/**
 * Which fixes to offer, in which order and in which state: one decision for every place
 * that offers them (the page's panel, the recovery page, the popup's card, the welcome
 * page's demo). It returns data only; each place renders it and supplies what a click does.
 *
 * Fixes in order of least harm: retry now, smart automatic retry, reload bypassing the
 * cache, clear that site's data only (cookies last, after a warning), the site's live
 * status page, network checks, a support report to copy.
 */
import type { CookieScope } from '~/shared/cookie-scope.ts';
import type { Failure } from '~/shared/failure.ts';
import type { Incident } from '~/shared/incident.ts';
import { type TechnicalDetails, technicalDetails } from '~/shared/report.ts';
import { adviceFromStatus, type StatusAdvice } from '~/shared/status/advice.ts';
import type { SiteStatusSource } from '~/shared/status/sources.ts';
import type { StatusReading } from '~/shared/status/types.ts';
import { checkHosts } from './network-probe.ts';

/**
 * page: the panel over a covered site's page; recovery: the extension's page shown in
 * place of the browser's error page; popup: the toolbar popup's card for the active tab;
 * demo: the welcome page's pretend panel (nothing has failed, nothing is contacted).
 */
export type FixSurface = 'page' | 'recovery' | 'popup' | 'demo';

/** What the fixes need of a site: a built-in adapter or a site the user added, alike. */
export interface FixSite {
  id: string;
  name: string;
  /** The hosts of its pages (the network checks probe the one that failed). */
  hosts: readonly string[];
  /** The site's public status page; null: it has none. */
  statusPage: string | null;
  /** Where its live status comes from: a page to read, one to link, or the nearest source. */
  statusSource: SiteStatusSource;
  /** What clearing its cookies really reaches. */
  cookieScope: CookieScope;
}

/** Everything the choice depends on. */
export interface FixContext {
  surface: FixSurface;
  /** The address that failed. */
  url: string;
  /** What failed; null when the trouble is a refusal (rate limit, challenge): not an outage. */
  failure: Failure | null;
  /** A chat request failed while the page itself loaded fine (a failed answer). */
  request?: boolean;
  /** The episode as last heard: the fixes already tried, the trace (null: not known). */
  incident: Incident | null;
  /** The covered site; null when no site covers the address (the recovery page only). */
  site: FixSite | null;
  /** The site's own retry control is on the page, so Retry now can resend the answer. */
  siteRetry?: boolean;
  /** The user's settings allow automatic retry. */
  autoRetry: boolean;
  /** The recovery page was opened to run the network checks: they open and run at once. */
  checksOnly?: boolean;
  /** This browser cannot clear one site's HTTP cache (Firefox). */
  cannotClearCache: boolean;
  /** The browser can check the proxy from an extension page (Firefox with the permission). */
  proxyCheckHere: boolean;
  /** The site's status as read: undefined until it is read, null when it could not be. */
  reading?: StatusReading | null;
}

export type Fix =
  /** The site's live status, its advice, and other sites that work (not a fix to click). */
  | {
      kind: 'status';
      siteId: string;
      siteName: string;
      source: SiteStatusSource;
      reading: StatusReading | null | undefined;
      advice: StatusAdvice;
    }
  /** `answer`: the site's own control resends the failed answer ("Retry the answer"). */
  | { kind: 'retry-now'; answer: boolean }
  | { kind: 'auto-retry' }
  | { kind: 'reload-no-cache' }
  | {
      kind: 'clear-site-data';
      siteName: string;
      /** Cache and storage were cleared in this episode already: cookies are next. */
      storageCleared: boolean;
      cannotClearCache: boolean;
      cookieScope: CookieScope;
    }
  /** url null: the site has none, and the panel says so. */
  | { kind: 'status-page'; url: string | null; siteName: string }
  | {
      kind: 'network-checks';
      siteHost: string;
      statusHost: string | null;
      /** The proxy can be checked right here. */
      canCheckProxy: boolean;
      /** The proxy cannot be checked here, but on the full checks page it can. */
      openFullChecks: boolean;
      /** Shown from the start, and run at once. */
      open: boolean;
      autoRun: boolean;
      /** The status page reports no incident: the checks' advice may name what is left. */
      statusAllClear: boolean;
    }
  /** Status, time and trace ids of the failure, behind a disclosure (not a fix to click). */
  | { kind: 'technical'; details: TechnicalDetails }
  | { kind: 'report'; siteName: string };

export type FixOffer = Fix['kind'];
export type FixOf<K extends FixOffer> = Extract<Fix, { kind: K }>;

/** The fixes that go first, with the panel's main buttons; the rest are "More fixes". */
export const LEAD_FIXES: readonly FixOffer[] = ['retry-now', 'auto-retry'];

/** What each place can do at all; the failure and the site decide the rest. */
const CAN: Record<FixSurface, readonly FixOffer[]> = {
  page: [
    'status',
    'retry-now',
    'auto-retry',
    'reload-no-cache',
    'clear-site-data',
    'status-page',
    'network-checks',
    'technical',
    'report',
  ],
  recovery: [
    'status',
    'retry-now',
    'auto-retry',
    'reload-no-cache',
    'clear-site-data',
    'status-page',
    'network-checks',
    'technical',
    'report',
  ],
  // The popup acts on the tab from outside: no countdown to follow, no checks to run.
  popup: ['retry-now', 'clear-site-data', 'status-page', 'report'],
  // The demo pretends: nothing it could really do to a site is on offer.
  demo: ['retry-now', 'report'],
};

/** The fixes for a context, in the order to show them. */
export function planFixes(context: FixContext): Fix[] {
  const { surface, failure, site } = context;
  const panel = surface === 'page' || surface === 'recovery';
  // A refusal is not an outage: the panels explain it and offer nothing to fix. The popup
  // still links the status page, as it does for a tab without trouble.
  if (!failure) return panel ? [] : statusPageOnly(context);

  const advice = adviceFromStatus(context.reading);
  const lead: Fix[] = [{ kind: 'retry-now', answer: !!context.request && !!context.siteRetry }];
  // Automatic retry reloads a failed page; a failed answer is the user's call to resend,
  // and a recovery page opened for the checks is not waiting for the site.
  if (context.autoRetry && !context.request && !context.checksOnly) {
    lead.push({ kind: 'auto-retry' });
  }

  const more: Fix[] = [{ kind: 'reload-no-cache' }];
  if (site) {
    more.push({
      kind: 'clear-site-data',
      siteName: site.name,
      storageCleared: (context.incident?.fixes ?? []).some((f) => f.fix === 'clear-storage'),
      cannotClearCache: context.cannotClearCache,
      cookieScope: site.cookieScope,
    });
  }
  if (site?.statusPage || panel) {
    more.push({
      kind: 'status-page',
      url: site?.statusPage ?? null,
      siteName: site?.name ?? hostOf(context.url),
    });
  }
  if (site) {
    more.push({
      kind: 'network-checks',
      ...checkHosts(
        { hosts: [...site.hosts], status: site.statusPage ? { page: site.statusPage } : null },
        context.url,
      ),
      // Only an extension page may ask for the proxy permission; a site's page sends users there.
      canCheckProxy: surface === 'recovery' && context.proxyCheckHere,
      openFullChecks: surface === 'page' && context.proxyCheckHere,
      open: !!context.checksOnly,
      autoRun: !!context.checksOnly,
      statusAllClear: advice === 'local',
    });
  }
  more.push({ kind: 'technical', details: technicalDetails(failure, context.incident) });
  if (site) more.push({ kind: 'report', siteName: site.name });

  const status: Fix[] = site
    ? [
        {
          kind: 'status',
          siteId: site.id,
          siteName: site.name,
          source: site.statusSource,
          reading: context.reading,
          advice,
        },
      ]
    : [];
  // When the status page says all is well, the local fixes come before waiting it out.
  const ordered =
    advice === 'local' ? [...status, ...more, ...lead] : [...status, ...lead, ...more];
  return ordered.filter((fix) => CAN[surface].includes(fix.kind));
}

function statusPageOnly({ site, surface }: FixContext): Fix[] {
  if (!site?.statusPage || !CAN[surface].includes('status-page')) return [];
  return [{ kind: 'status-page', url: site.statusPage, siteName: site.name }];
}

/** The planned fix of a kind, if any. */
export function fixOf<K extends FixOffer>(plan: readonly Fix[], kind: K): FixOf<K> | undefined {
  return plan.find((fix): fix is FixOf<K> => fix.kind === kind);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
