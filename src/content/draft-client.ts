/**
 * Draft rescue's storage as seen from a page: every call goes through the background,
 * which answers only for this page's own site. The page never reads extension storage.
 */
import { DRAFT_LIMITS, type Draft } from '~/shared/drafts/rules.ts';
import { sendToBackground } from '~/shared/protocol/messages.ts';

const written = (reply: Promise<{ ok: boolean }>): Promise<void> =>
  reply.then((r) => {
    if (!r?.ok) throw new Error('draft not stored');
  });

export function saveDraft(key: string, text: string, options: { sentAt?: number } = {}) {
  // Only this much is kept anyway; a longer text would be over the size of any message.
  const kept = text.slice(0, DRAFT_LIMITS.maxChars);
  return written(sendToBackground('draftSave', { key, text: kept, ...options }));
}

export function deleteDraft(key: string, ifText?: string): Promise<void> {
  return written(sendToBackground('draftDelete', ifText === undefined ? { key } : { key, ifText }));
}

export function moveDraft(from: string, to: string, options: { sentAt?: number } = {}) {
  return written(sendToBackground('draftMove', { from, to, ...options }));
}

export async function loadDraftFor(key: string): Promise<{ key: string; draft: Draft } | null> {
  const reply = await sendToBackground('draftFind', { key });
  return reply?.found ?? null;
}
