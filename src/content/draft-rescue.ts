/**
 * Draft rescue itself, loaded once the page has a draft to give back or the user types in
 * the composer (`drafts.ts` decides). Saves as the user types, refills or offers the draft,
 * and forgets it once the site confirms the message was sent.
 */
import { draftKey } from '~/shared/drafts/key.ts';
import type { SiteView } from '~/shared/protocol/messages.ts';
import { fromUser } from '~/shared/protocol/senders.ts';
import { onBackgroundMessage } from '~/shared/protocol/tab-messages.ts';
import { findComposer, isComposerEvent } from './composer.ts';
import { isBlank, readComposer, writeComposer } from './composer-text.ts';
import { waitForComposer } from './composer-wait.ts';
import { deleteDraft, loadDraftFor, moveDraft, saveDraft } from './draft-client.ts';

const SAVE_DELAY_MS = 500;
const COMPOSER_WAIT_MS = 15_000;
/** Sites empty the composer a moment after Enter or the send button: look then. */
const AFTER_SEND_MS = [0, 250, 1000];
/** Server-rendered apps replace their composer when they start, dropping a refill. */
const REFILL_RECHECK_MS = 1500;

/** Why the composer is being looked at; it decides what an empty composer means. */
type Reason = 'typing' | 'send' | 'save' | 'settled';

export interface RescueSession {
  /** An input event in the composer (the bootstrap listens and hands them over). */
  onInput(event: Event): void;
  /** Saves the composer's current text at once. */
  saveNow(): Promise<void>;
}

/** Starts the rescue for this page until `stopped` aborts. */
export function startRescue(site: SiteView, stopped: AbortSignal): RescueSession {
  const composer = () => findComposer(site.composer);
  const pageKey = () => draftKey(site.id, location.href);
  const quietly = (write: Promise<void>) => write.catch(() => undefined);

  /** The text storage holds for the composer, as far as this page knows. */
  let saved: { key: string; text: string } | null = null;
  /** Text that left the composer (sent, most likely) until the site reports the outcome. */
  let pending: { key: string; text: string } | null = null;
  /** The user's last edit emptied the composer (select all + delete, cut). */
  let emptiedByUser = false;
  /** The user typed, pressed Enter or clicked since the page started. */
  let userActed = false;
  /** True while we write the composer ourselves: those input events are not typing. */
  let writing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function look(reason: Reason): Promise<void> {
    clearTimeout(timer);
    const element = composer();
    if (stopped.aborted || !element) return Promise.resolve();
    const key = pageKey();
    if (!isBlank(element)) {
      const text = readComposer(element);
      // Back in the composer (the site restored it after a failed send): a draft again.
      if (pending?.key === key && pending.text === text) pending = null;
      if (saved?.key === key && saved.text === text) return Promise.resolve();
      saved = { key, text };
      return quietly(saveDraft(key, text));
    }
    const gone = saved;
    if (!gone) return Promise.resolve();
    if (emptiedByUser) {
      // Emptied by hand: the user threw this text away, and a reload should not bring it
      // back. A site empties the composer by script on send, which is no deleting edit.
      saved = null;
      pending = null;
      return quietly(deleteDraft(gone.key, gone.text));
    }
    // On another page (the user moved through the app) an empty composer says nothing
    // about a send, unless a chat request just finished.
    if (gone.key !== key && reason !== 'settled') return Promise.resolve();
    // Kept, marked as sent, until the chat request's outcome: a failed send keeps it.
    saved = null;
    pending = gone;
    return quietly(saveDraft(gone.key, gone.text, { sentAt: Date.now() }));
  }

  async function onSettled(ok: boolean): Promise<void> {
    await look('settled');
    const sent = pending;
    if (!sent) return;
    if (ok) {
      pending = null;
      // Only while it still holds the sent text: the user may already be typing the next.
      await quietly(deleteDraft(sent.key, sent.text));
      return;
    }
    // Sites move from the new-chat page to the conversation's own address mid-send; the
    // failed message follows, so a reload of the address in the bar finds it.
    const key = pageKey();
    if (key !== sent.key) {
      pending = { key, text: sent.text };
      await quietly(moveDraft(sent.key, key, { sentAt: Date.now() }));
    }
  }

  const afterSendGesture = () => {
    userActed = true;
    if (!saved) return;
    for (const ms of AFTER_SEND_MS) setTimeout(() => void look('send'), ms);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing || !isComposerEvent(site.composer, event)) {
      return;
    }
    // Before the site's own handler empties the composer: the last keystrokes count too.
    void look('save');
    afterSendGesture();
  };

  const options = { capture: true, signal: stopped };
  document.addEventListener('keydown', onKeyDown, options);
  // A click anywhere may be the send button; a form may be submitted without Enter.
  document.addEventListener('click', afterSendGesture, options);
  document.addEventListener('submit', afterSendGesture, options);
  window.addEventListener('pagehide', () => void look('save'), options);
  const stopListening = stopped.aborted
    ? () => undefined
    : onBackgroundMessage('chatSettled', (message) => void onSettled(message.ok));
  stopped.addEventListener('abort', () => {
    clearTimeout(timer);
    stopListening();
  });

  /** Puts text in the composer; the input event this fires is not the user typing. */
  const fill = (element: HTMLElement, text: string) => {
    writing = true;
    try {
      writeComposer(element, text);
    } finally {
      writing = false;
    }
  };

  async function restore(): Promise<void> {
    const [found, element] = await Promise.all([
      loadDraftFor(pageKey()).catch(() => null),
      waitForComposer(site.composer, COMPOSER_WAIT_MS, stopped),
    ]);
    if (!found || !element || stopped.aborted) return;
    const here = pageKey();
    const { text } = found.draft;
    // In the composer again: this page's draft, no longer a sent message. Its age stays, so
    // reloading over and over does not keep it beyond the limit.
    const adopt = () => {
      saved = { key: here, text };
      void quietly(moveDraft(found.key, here));
    };
    if (isBlank(element)) {
      fill(element, text);
      adopt();
      setTimeout(() => {
        const now = composer();
        if (now && isBlank(now) && !userActed && !stopped.aborted) fill(now, text);
      }, REFILL_RECHECK_MS);
      return;
    }
    if (readComposer(element) === text) {
      adopt();
      return;
    }
    // Other text is already there (the site's own draft, a shared link's prompt): ask.
    const host = await import('./draft-offer-host.tsx');
    if (stopped.aborted) return;
    stopped.addEventListener('abort', host.hideDraftOffer);
    host.showDraftOffer({
      text,
      onRestore: () => {
        const now = composer();
        if (!now) return;
        // Saved afresh under this page by the next look (the user may have typed here).
        saved = null;
        fill(now, text);
        now.focus();
        void look('save');
        if (found.key !== here) void quietly(deleteDraft(found.key, text));
      },
      onDismiss: () => {
        // The draft stays saved until the user types over it or it expires.
        if (document.activeElement === document.body) composer()?.focus();
      },
    });
  }
  void restore();

  return {
    onInput(event) {
      // A page's own script can fire input events: only the user's typing counts.
      if (writing || !fromUser(event)) return;
      userActed = true;
      const kind = (event as InputEvent).inputType ?? '';
      const element = composer();
      emptiedByUser =
        fromUser(event) && kind.startsWith('delete') && element !== null && isBlank(element);
      clearTimeout(timer);
      timer = setTimeout(() => void look('typing'), SAVE_DELAY_MS);
    },
    saveNow: () => look('save'),
  };
}
