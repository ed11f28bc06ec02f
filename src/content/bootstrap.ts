/**
 * What every covered page runs first. On a healthy page it reads one number, sends one
 * message and watches for the site's own error notices; the panel's UI is only loaded when
 * there is something to show.
 */

import { refineByDocument, type Verdict } from '~/shared/classify.ts';
import { isOutageStatus } from '~/shared/http-status.ts';
import { newIncident } from '~/shared/incident.ts';
import { type SiteView, sendToBackground } from '~/shared/protocol/messages.ts';
import { signalContentState } from '~/shared/test-signals.ts';
import { startDraftRescue } from './drafts.ts';
import { onIncidentPushed } from './incident-listener.ts';
import { watchNotices } from './notice-watch.ts';
import { documentStatus, domReady, pageLooksEmpty, readErrorDocument } from './page.ts';
import { heardInThisDocument, prefetchPageUi, setPrompt, show } from './show.ts';

export async function start(): Promise<void> {
  const own = documentStatus();
  const handshake = sendToBackground('pageStarted', { status: own }).catch(() => null);
  // A page served as an outage will show the panel: its UI loads alongside the handshake,
  // not after it. (The settings arrive with the handshake; "show nothing" then only means
  // the loaded UI stays unused.)
  if (isOutageStatus(own)) prefetchPageUi();
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

  if (status !== null && status >= 400 && reply.verdict) {
    await domReady();
    // The background judged the answer once; the page's own words can only tell a
    // challenge or a block page apart.
    const verdict = refineByDocument(reply.verdict, readErrorDocument(status));
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
  // The panel's UI loads while the background records the failure, not after it.
  prefetchPageUi();
  const reported = sendToBackground('reportFailure', { verdict, surface })
    .then((reply) => reply?.incident ?? null)
    .catch(() => null);
  // When the background cannot be reached, the page still explains what it found.
  const local = newIncident({
    siteId: site.id,
    url: location.href,
    surface,
    verdict,
    now: Date.now(),
  });
  if (surface === 'compact') {
    // A failed answer's notice is the background's episode: it pushes the updates, keyed by it.
    await show(site, (await reported) ?? local, retryAfterMs);
    return;
  }
  // A failed page is explained by what it found, at once; the background's record (the
  // episode's count, the answer's trace ids for the support report) updates the same panel
  // a round trip later.
  await show(site, local, retryAfterMs, local.firstAt);
  const incident = await reported;
  if (incident) await show(site, incident, retryAfterMs, local.firstAt);
}
