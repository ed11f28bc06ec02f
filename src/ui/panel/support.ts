import { browser } from '~/shared/browser.ts';
import type { Failure } from '~/shared/failure.ts';
import { type Incident, newIncident } from '~/shared/incident.ts';
import { browserLabel, buildReport } from '~/shared/report.ts';

export interface ReportContext {
  /** A built-in site or one the user added: the report names it. */
  site: { id: string; name: string };
  url: string;
  failure: Failure;
  /** The latest incident, for the count and the fixes tried (null: background unreachable). */
  incident: () => Incident | null;
}

/** The support report, the same from the page, the recovery page, the popup and the demo. */
export function reportCopier(
  context: ReportContext,
): () => Promise<{ copied: boolean; text: string }> {
  const { site, url } = context;
  return async () => {
    const now = Date.now();
    const incident =
      context.incident() ??
      newIncident({
        siteId: site.id,
        url,
        surface: 'page',
        verdict: { kind: 'outage', failure: context.failure },
        now,
      });
    const text = buildReport({
      siteName: site.name,
      url: incident.url || url,
      incident,
      browser: browserLabel(navigator.userAgent),
      extensionVersion: browser.runtime.getManifest().version,
      now,
    });
    return { copied: await copyText(text), text };
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
