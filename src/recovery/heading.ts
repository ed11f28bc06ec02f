/**
 * What the recovery page says at the top, and the tab's title: the site and the address
 * that failed (its host and redacted path: no query, no ids), since the address bar shows
 * the extension's own page. Pure.
 */
import type { Failure } from '~/shared/failure.ts';
import type { MessageKey } from '~/shared/i18n.ts';
import { redactPath } from '~/shared/report.ts';
import { describeFailure } from '~/shared/wording.ts';

export interface RecoveryHeading {
  siteName: string;
  /** "chatgpt.com/c/:id" */
  address: string;
  /** The tab's title: "ChatGPT · 502", "Claude · Connection reset". */
  title: string;
}

export function recoveryHeading(
  url: string,
  failure: Failure,
  siteName: string | null,
  words: (key: MessageKey) => string,
): RecoveryHeading {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // Not an address: the site's name says enough.
  }
  const name = siteName ?? host;
  const wording = describeFailure(failure);
  const what = wording.code ?? words(wording.title);
  return { siteName: name, address: `${host}${redactPath(url)}`, title: `${name} · ${what}` };
}
