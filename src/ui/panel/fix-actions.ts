import type { FixKind } from '~/shared/incident.ts';
import { sendToBackground } from '~/shared/protocol/messages.ts';
import type { StatusReading } from '~/shared/status/types.ts';
import { type AutoRetryDeps, watchUpdates } from './auto-retry.ts';
import type { FixContext } from './fix-plan.ts';
import { canCheckProxyHere } from './proxy-check.ts';
import { type ReportContext, reportCopier } from './support.ts';

/** What this browser, on this page, can do: for the fix plan. */
export function fixAbilities(): Pick<FixContext, 'cannotClearCache' | 'proxyCheckHere'> {
  return { cannotClearCache: __TARGET__ === 'firefox', proxyCheckHere: canCheckProxyHere() };
}

/**
 * What a click on each fix does, supplied by the place that shows them. A planned fix whose
 * action is missing is not offered: the plan says what fits, the actions what is wired.
 */
export interface FixActions {
  retryNow: () => void;
  /** Joins and follows the site's automatic recovery, which runs in the background. */
  autoRetry?: Omit<AutoRetryDeps, 'onChange'>;
  reloadBypassingCache?: () => void;
  /** One step of clearing the site's data; false when it failed. */
  clearSiteData?: (step: 'storage' | 'cookies') => Promise<boolean>;
  /** The sites' live status (read when the panel opens). */
  loadStatus?: () => Promise<Record<string, StatusReading>>;
  /** Builds the support report and copies it; false when copying failed. */
  copyReport?: () => Promise<{ copied: boolean; text: string }>;
  /** Opens the full network checks on an extension page. */
  openFullChecks?: () => void;
  /** A fix was tried, and what came of it (for the episode's log and the report). */
  logFix?: (fix: FixKind, result: string) => void;
}

/** What differs between the panel over a site's page and the recovery page. */
export interface PanelActionsContext {
  siteId: string | null;
  /**
   * The failed address, named in messages from an extension page; the site's own page
   * leaves it out (the background knows its tab).
   */
  url?: string;
  retryAfterMs: number | null;
  /** Back to the site: reload it, or resend the answer with the site's own control. */
  retry: () => void;
  reloadBypassingCache: () => void;
  /** Before clearing the site's data (the page saves the draft first). */
  beforeClear?: () => Promise<void>;
  /** After the site's data is cleared: load the site again. */
  afterClear: () => unknown;
  /** null: no report (no covered site to name). */
  report: ReportContext | null;
  openFullChecks?: () => void;
}

/** The panel's actions: the background does the work for the page and the recovery page alike. */
export function panelActions(context: PanelActionsContext): FixActions {
  const { siteId, url } = context;
  const withUrl = url === undefined ? {} : { url };
  const logFix = (fix: FixKind, result: string) =>
    void sendToBackground('fixTried', { fix, result, ...withUrl }).catch(() => undefined);
  return {
    retryNow: () => {
      logFix('retry-now', 'retried');
      context.retry();
    },
    autoRetry: {
      send: (action, state) =>
        sendToBackground('recoveryWatch', {
          action,
          ...withUrl,
          retryAfterMs: context.retryAfterMs,
          ...state,
        }).then((r) => r.view),
      subscribe: siteId ? watchUpdates(siteId) : undefined,
    },
    reloadBypassingCache: context.reloadBypassingCache,
    clearSiteData: async (step) => {
      await context.beforeClear?.();
      const result = await sendToBackground('clearSiteData', { step, ...withUrl }).catch(
        () => null,
      );
      if (!result?.ok) return false;
      await context.afterClear();
      return true;
    },
    loadStatus: () => sendToBackground('siteStatuses', { force: true }).then((r) => r.readings),
    copyReport: context.report ? reportCopier(context.report) : undefined,
    openFullChecks: context.openFullChecks,
    logFix,
  };
}
