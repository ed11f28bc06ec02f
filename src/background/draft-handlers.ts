/**
 * Draft rescue's storage, answered for content scripts. A content script runs inside a
 * site's page: it may read and write only drafts of the site its own page is on (the
 * sender's URL, as the browser reports it, never what the page says), and only while the
 * user has draft rescue and that site on. A private window's drafts stay in memory.
 */
import type { Runtime } from '~/shared/browser.ts';
import { siteDraftPrefix } from '~/shared/drafts/key.ts';
import { DRAFT_LIMITS } from '~/shared/drafts/rules.ts';
import {
  type DraftStorage,
  localDrafts,
  privateDrafts,
  setDraftRetention,
} from '~/shared/drafts/storage.ts';
import type { DraftProtocol, Handler } from '~/shared/protocol/messages.ts';
import { topFrame } from '~/shared/protocol/senders.ts';
import { isSiteEnabled, type Settings } from '~/shared/settings/model.ts';
import { siteRegistry } from '~/sites/index.ts';
import { settings } from './current-settings.ts';

const HOUR_MS = 60 * 60 * 1000;
/** A key is a site id and a path; anything longer is not one this extension made. */
const MAX_KEY_LENGTH = 2048;

/**
 * The drafts a sender may use, when every key it names is of its own site; null otherwise.
 * Pure apart from the settings it is given, so the rules are tested on their own.
 */
export function draftAccess(
  sender: Runtime.MessageSender,
  keys: readonly unknown[],
  current: Settings,
): { storage: DraftStorage; private: boolean } | null {
  const frame = topFrame(sender);
  const site = frame && siteRegistry(current.customSites).forUrl(frame.url);
  if (!site || !current.drafts.enabled || !isSiteEnabled(current, site.id)) return null;
  const prefix = siteDraftPrefix(site.id);
  const own = (key: unknown) =>
    typeof key === 'string' && key.length <= MAX_KEY_LENGTH && key.startsWith(prefix);
  if (keys.length === 0 || !keys.every(own)) return null;
  const inPrivate = sender.tab?.incognito === true;
  return { storage: inPrivate ? privateDrafts : localDrafts, private: inPrivate };
}

async function access(sender: Runtime.MessageSender, keys: readonly unknown[]) {
  const current = await settings();
  setDraftRetention(current.drafts.keepHours * HOUR_MS);
  return draftAccess(sender, keys, current)?.storage ?? null;
}

const done = (write: Promise<void>) =>
  write.then(
    () => ({ ok: true }),
    () => ({ ok: false }),
  );

export const draftHandlers: { [K in keyof DraftProtocol]: Handler<K> } = {
  draftFind: async (request, sender) => {
    const storage = await access(sender, [request.key]);
    if (!storage) return { found: null };
    return { found: await storage.loadDraftFor(request.key).catch(() => null) };
  },

  draftSave: async (request, sender) => {
    const storage = await access(sender, [request.key]);
    if (!storage) return { ok: false };
    const text = request.text.slice(0, DRAFT_LIMITS.maxChars);
    return done(storage.saveDraft(request.key, text, { sentAt: request.sentAt }));
  },

  draftDelete: async (request, sender) => {
    const storage = await access(sender, [request.key]);
    if (!storage) return { ok: false };
    return done(storage.deleteDraft(request.key, request.ifText));
  },

  draftMove: async (request, sender) => {
    const storage = await access(sender, [request.from, request.to]);
    if (!storage) return { ok: false };
    return done(storage.moveDraft(request.from, request.to, { sentAt: request.sentAt }));
  },
};
