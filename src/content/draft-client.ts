/**
 * Draft rescue's storage as seen from a page: every call goes through the background,
 * which answers only for this page's own site. The page never reads extension storage.
 */
import type { Draft } from '~/shared/draft-store.ts';
import { sendToBackground } from '~/shared/messages.ts';

const written = (reply: Promise<{ ok: boolean }>): Promise<void> =>
  reply.then((r) => {
    if (!r?.ok) throw new Error('draft not stored');
  });

export function saveDraft(key: string, text: string, options: { sentAt?: number } = {}) {
  return written(sendToBackground('draftSave', { key, text, ...options }));
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
