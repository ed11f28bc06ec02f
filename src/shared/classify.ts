import type { Failure } from './failure.ts';
import { isOutageStatus } from './http-status.ts';
import { classifyNetworkError } from './network-errors.ts';
import { hasPhrase, normalizeNotice, preparePhrases } from './notice-text.ts';
import { type RefusalKind, refusalInText } from './refusals.ts';

/**
 * Pure decisions: is what we saw an outage, something else worth saying, or nothing?
 * Every signal (network layer, error document, text in the page) goes through here.
 */
export type Verdict =
  | { kind: 'ignore' }
  | { kind: 'outage'; failure: Failure }
  | { kind: 'refusal'; refusal: RefusalKind; status: number | null };

const IGNORE: Verdict = { kind: 'ignore' };

/** A response the network layer saw (main frame or a chat request). */
export function classifyResponse(status: number, headers: Record<string, string>): Verdict {
  const mitigated = headers['cf-mitigated']?.toLowerCase();
  // Cloudflare marks its challenge answers, whatever status they carry (403, 503...).
  if (mitigated === 'challenge') return { kind: 'refusal', refusal: 'challenge', status };
  if (status === 429) return { kind: 'refusal', refusal: 'rate-limit', status };
  if (isOutageStatus(status)) return { kind: 'outage', failure: { kind: 'http', status } };
  return IGNORE;
}

/** A request that got no response at all. */
export function classifyNetworkFailure(error: string): Verdict {
  const network = classifyNetworkError(error);
  return network ? { kind: 'outage', failure: { kind: 'network', network, raw: error } } : IGNORE;
}

/** What the content script can read of an error document, without scanning it whole. */
export interface ErrorDocument {
  status: number;
  title: string;
  /** The first few hundred characters of the body's text. */
  text: string;
  /** Cloudflare's error wrapper (#cf-wrapper / #cf-error-details) is present. */
  cloudflare: boolean;
}

/**
 * A document served with an error status, with what its status and headers already said
 * (the background decides that once, from the answer). Cloudflare uses the same wrapper for
 * 5xx pages and for challenge/block pages, and challenges have been served as 503 without
 * the header: the wording can only turn such an answer into a refusal.
 */
export function refineByDocument(verdict: Verdict, doc: ErrorDocument): Verdict {
  if (verdict.kind === 'refusal') return verdict;
  if (doc.cloudflare || doc.status === 403 || doc.status === 503 || doc.status === 429) {
    const refusal = refusalInText(`${doc.title}\n${doc.text}`.toLowerCase());
    if (refusal === 'challenge' || refusal === 'blocked') {
      return { kind: 'refusal', refusal, status: doc.status };
    }
  }
  return verdict;
}

/** A document served with an error status, judged by its status and its wording alone. */
export function classifyErrorDocument(doc: ErrorDocument): Verdict {
  return refineByDocument(classifyResponse(doc.status, {}), doc);
}

export interface SitePhrases {
  outage: readonly string[];
  network: readonly string[];
  notOutage: readonly string[];
}

/** Longest text an error notice has; anything longer is conversation, not a notice. */
export const NOTICE_MAX_CHARS = 280;

/**
 * Text that appeared in the page: one of the site's own error notices? Only short texts
 * count, so an answer that merely talks about "a network error" is never an outage. Text
 * and phrases are compared in one normalised form (see notice-text.ts). A notice that also
 * says the user was refused (a limit, a sign-in, a policy, a missing conversation) is never
 * an outage: it is that refusal when its kind is known, otherwise nothing.
 */
export function classifyNoticeText(text: string, phrases: SitePhrases): Verdict {
  if (text.length > NOTICE_MAX_CHARS) return IGNORE;
  const normalized = normalizeNotice(text);
  const lists = preparePhrases(phrases);
  const has = (list: readonly string[]) => list.some((phrase) => hasPhrase(normalized, phrase));
  const outage = has(lists.outage);
  const network = has(lists.network);
  if (!outage && !network) return IGNORE;
  if (has(lists.notOutage)) {
    const refusal = refusalInText(text.toLowerCase()) ?? refusalInText(normalized);
    return refusal ? { kind: 'refusal', refusal, status: null } : IGNORE;
  }
  return outage
    ? { kind: 'outage', failure: { kind: 'page', text: text.trim() } }
    : { kind: 'outage', failure: { kind: 'network', network: 'other', raw: 'page-notice' } };
}
