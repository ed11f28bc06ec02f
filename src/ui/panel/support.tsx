import type { FixKind, Incident } from '~/background/incident.ts';
import { browser } from '~/shared/browser.ts';
import type { Failure } from '~/shared/failure.ts';
import { browserLabel, buildReport } from '~/shared/report.ts';
import type { SiteAdapter } from '~/sites/index.ts';
import { checksLogResult, NetworkChecks } from './NetworkChecks.tsx';
import { checkHosts } from './network-probe.ts';
import type { PanelFixes } from './Panel.tsx';
import { canCheckProxyHere } from './proxy-check.ts';

/** What the checks and the report need of a site: an adapter, or the page's `SiteView`. */
export type SupportSite = Pick<SiteAdapter, 'id' | 'name' | 'hosts'> & {
  status: { page: string } | null;
};

export interface SupportContext {
  site: SupportSite;
  url: string;
  failure: Failure;
  /** The latest incident, for the count and the fixes tried (null: background unreachable). */
  incident: () => Incident | null;
  /** On an extension page, the proxy can be checked right here. */
  onExtensionPage: boolean;
  /** In a site's page: open the full checks on an extension page instead. */
  openFullChecks?: () => void;
  autoRunChecks?: boolean;
  logFix: (fix: FixKind, result: string) => void;
}

/** The network checklist and the support report, the same in the page and the recovery page. */
export function supportFixes(
  context: SupportContext,
): Pick<PanelFixes, 'networkChecks' | 'copyReport'> {
  const { site, url } = context;
  const canCheckProxy = context.onExtensionPage && canCheckProxyHere();
  // Chrome cannot ask for the proxy permission at all: no point sending users elsewhere.
  const openFullChecks =
    canCheckProxyHere() && !context.onExtensionPage ? context.openFullChecks : undefined;
  return {
    networkChecks: (
      <NetworkChecks
        {...checkHosts(site, url)}
        canCheckProxy={canCheckProxy}
        onOpenFullChecks={openFullChecks}
        autoRun={context.autoRunChecks}
        onResults={(results) => context.logFix('network-checks', checksLogResult(results))}
      />
    ),
    copyReport: async () => {
      const now = Date.now();
      const incident = context.incident() ?? {
        siteId: site.id,
        url,
        surface: 'page',
        failure: context.failure,
        refusal: null,
        count: 1,
        firstAt: now,
        lastAt: now,
        retries: 0,
        fixes: [],
      };
      const text = buildReport({
        siteName: site.name,
        url: incident.url || url,
        incident,
        browser: browserLabel(navigator.userAgent),
        extensionVersion: browser.runtime.getManifest().version,
        now,
      });
      return { copied: await copyText(text), text };
    },
  };
}

/**
 * Copies with the async clipboard only. Where a page's permissions policy blocks it, the
 * panel shows the report selectable inside its own shadow root: the report never goes into
 * the page's document, where the site's scripts could read it.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
