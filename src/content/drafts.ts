/**
 * Draft rescue's always-loaded part: the composer's text is kept on this device through
 * reloads, the recovery page and clearing site data (`draft-rescue.ts` does the work).
 * A healthy page where nobody types and no draft waits never loads more than this.
 */
import { draftKey } from '~/shared/draft-key.ts';
import { type SiteView, sendToBackground } from '~/shared/messages.ts';
import { isComposerEvent } from './composer.ts';
import type { RescueSession } from './draft-rescue.ts';
import { loadPageUi, pageState } from './page-ui-loader.ts';

export interface DraftRescue {
  /** Saves the composer's current text at once (before a reload or clearing data). */
  saveNow(): Promise<void>;
  /** Stops listening (a page's rescue otherwise lives as long as the page). */
  stop(): void;
}

/** The page's draft rescue, for the panel's fixes that reload or clear data. */
export function activeDraftRescue(): DraftRescue | null {
  return pageState().rescue;
}

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
    if (!event.isTrusted || !isComposerEvent(site.composer, event)) return;
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
