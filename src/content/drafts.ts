/**
 * Draft rescue's always-loaded part: the composer's text is kept on this device through
 * reloads, the recovery page and clearing site data (`draft-rescue.ts` does the work).
 * A healthy page where nobody types and no draft waits never loads more than this.
 */
import { draftKey } from '~/shared/drafts/key.ts';
import { type SiteView, sendToBackground } from '~/shared/protocol/messages.ts';
import { fromUser } from '~/shared/protocol/senders.ts';
import { isComposerEvent } from './composer.ts';
import type { RescueSession } from './draft-rescue.ts';
import { type DraftRescue, pageState } from './page-state.ts';
import { loadPageUi } from './page-ui-loader.ts';

export function startDraftRescue(site: SiteView): DraftRescue {
  pageState().rescue?.stop();
  const stopped = new AbortController();
  let session: RescueSession | null = null;
  let loading: Promise<RescueSession> | null = null;
  const load = () =>
    (loading ??= loadPageUi().then((ui) => {
      session = ui.startRescue(site, stopped.signal);
      return session;
    }));

  // Only the composer's own input events: nothing typed anywhere else is ever looked at.
  // Delegated and in the capture phase, so a composer the site re-renders still counts.
  // Only the user's own typing: events a page's script dispatches are not trusted.
  const onInput = (event: Event) => {
    if (!fromUser(event) || !isComposerEvent(site.composer, event)) return;
    if (session) session.onInput(event);
    else void load().then((s) => s.onInput(event));
  };
  document.addEventListener('input', onInput, { capture: true, signal: stopped.signal });

  // A draft of this site waits: the rescue takes it from here. The background answers for
  // this page's own site only; the page never reads extension storage itself.
  void sendToBackground('draftFind', { key: draftKey(site.id, location.href) })
    .then((reply) => {
      if (reply?.found) void load();
    })
    .catch(() => undefined);

  const rescue: DraftRescue = {
    // Also text the user did not type here (the site's own saved draft) is worth keeping.
    saveNow: () => load().then((s) => s.saveNow()),
    stop() {
      stopped.abort();
      if (pageState().rescue === rescue) pageState().rescue = null;
    },
  };
  pageState().rescue = rescue;
  return rescue;
}
