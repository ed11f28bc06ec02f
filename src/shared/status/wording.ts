/**
 * The words for a status reading, as message keys so every language gets them. The UI
 * shows titles and statuses from the provider as text, never as HTML.
 */
import type { MessageKey } from '../i18n.ts';
import type { SiteStatusSource } from './sources.ts';
import { REASON, type StatusLevel } from './types.ts';

const LEVELS: Record<StatusLevel, MessageKey> = {
  operational: 'statusLevelOperational',
  degraded: 'statusLevelDegraded',
  'partial-outage': 'statusLevelPartialOutage',
  'major-outage': 'statusLevelMajorOutage',
  maintenance: 'statusLevelMaintenance',
  unknown: 'statusLevelUnknown',
};

export function describeLevel(level: StatusLevel): MessageKey {
  return LEVELS[level] ?? 'statusLevelUnknown';
}

/** Most specific first: each reason string begins with one of `REASON`'s values. */
const REASONS: Array<[string, MessageKey]> = [
  [REASON.timeout, 'statusReasonTimeout'],
  [REASON.network, 'statusReasonNetwork'],
  [REASON.tooLarge, 'statusReasonTooLarge'],
  [REASON.http, 'statusReasonHttp'],
  [REASON.notJson, 'statusReasonFormat'],
  [REASON.malformedJson, 'statusReasonFormat'],
  [REASON.empty, 'statusReasonFormat'],
  [REASON.notFeed, 'statusReasonFormat'],
  [REASON.format, 'statusReasonFormat'],
  [REASON.otherProduct, 'statusReasonOtherProduct'],
  [REASON.noIncidentListed, 'statusReasonNoIncidentListed'],
  [REASON.noMachineReadable, 'statusReasonNoMachineReadable'],
  [REASON.noStatusPage, 'statusReasonNoStatusPage'],
];

/**
 * The plain-language reason for "Status unknown: <reason>" (message `statusUnknownBecause`
 * takes it as its substitution). The exact reason string belongs in the support report.
 */
export function describeUnknownReason(reason: string | null): MessageKey {
  if (!reason) return 'statusReasonOther';
  for (const [start, key] of REASONS) if (reason.startsWith(start)) return key;
  return 'statusReasonOther';
}

/**
 * Words for a site whose status cannot be fetched: the link-only sentence, or the "no
 * public status page" one with the closest public source and what it covers.
 */
export function describeMissingSource(
  source: SiteStatusSource | null,
): { sentence: MessageKey; covers: MessageKey | null; link: string | null } | null {
  if (!source) return null;
  if (source.kind === 'link')
    return { sentence: 'statusLinkOnly', covers: null, link: source.page };
  if (source.kind !== 'none') return null;
  if (!source.closest) return { sentence: 'statusNoPageNoSource', covers: null, link: null };
  return {
    sentence: 'statusNoPageClosest',
    covers: source.closest.covers,
    link: source.closest.url,
  };
}
