/**
 * The bootstrap that runs on every covered page. On a healthy page it reads one number,
 * sends one message and watches for the site's own error notices; the panel's UI is only
 * loaded when there is something to show.
 */
import type { Incident } from '~/background/incident.ts';
import { classifyErrorDocument, type Verdict } from '~/shared/classify.ts';
import { type SiteView, sendToBackground } from '~/shared/messages.ts';
import { signalContentState } from '~/shared/test-signals.ts';
import { startDraftRescue } from './drafts.ts';
import { onIncidentPushed } from './incident-listener.ts';
import { watchNotices } from './notice-watch.ts';
import { documentStatus, domReady, pageLooksEmpty, readErrorDocument } from './page.ts';
import { heardInThisDocument, setPrompt, show } from './show.ts';

async function start(): Promise<void> {
  const own = documentStatus();
  const handshake = sendToBackground('pageStarted', { status: own }).catch(() => null);
  // Watching starts now; what it collects is judged once the site's wording arrives.
  watchNotices(
    handshake.then((reply) =>
      reply?.site && (own ?? reply.status ?? 200) < 400 ? reply.site.phrases : null,
    ),
    (verdict) =>
      void handshake.then((reply) => reply?.site && reportAndShow(reply.site, verdict, 'compact')),
  );
  const reply = await handshake;
  const site = reply?.site;
  if (!site) {
    signalContentState('off');
    return; // Not covered, turned off, or the extension is reloading.
  }
  setPrompt(reply.prompt);
  const status = own ?? reply.status;

  if (status !== null && status >= 400) {
    await domReady();
    const verdict = classifyErrorDocument(readErrorDocument(status));
    if (verdict.kind === 'outage' && pageLooksEmpty()) {
      await sendToBackground('openRecovery', { status }).catch(() => undefined);
      return;
    }
    if (verdict.kind !== 'ignore') await reportAndShow(site, verdict, 'page', reply.retryAfterMs);
    signalContentState('failing');
    return;
  }

  if (reply.prompt?.drafts) startDraftRescue(site);
  onIncidentPushed(site);
  signalContentState('watching');
  // A chat request that failed before this script listened still gets its notice.
  if (reply.incident?.surface === 'compact' && heardInThisDocument(reply.incident)) {
    void show(site, reply.incident);
  }
}

async function reportAndShow(
  site: SiteView,
  verdict: Verdict,
  surface: 'page' | 'compact',
  retryAfterMs: number | null = null,
) {
  const reply = await sendToBackground('reportFailure', { verdict, surface }).catch(() => null);
  const incident: Incident | null = reply?.incident ?? null;
  await show(site, incident ?? localIncident(site, verdict, surface), retryAfterMs);
}

/** When the background cannot be reached, the page still explains what it found. */
function localIncident(site: SiteView, verdict: Verdict, surface: 'page' | 'compact'): Incident {
  const now = Date.now();
  return {
    siteId: site.id,
    url: location.href,
    surface,
    failure: verdict.kind === 'outage' ? verdict.failure : null,
    refusal: verdict.kind === 'refusal' ? { kind: verdict.refusal, status: verdict.status } : null,
    count: 1,
    firstAt: now,
    lastAt: now,
    retries: 0,
    fixes: [],
  };
}

if (window === window.top) void start();
