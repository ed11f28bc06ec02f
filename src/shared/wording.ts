import type { Failure, NetworkErrorKind } from './failure.ts';
import type { MessageKey } from './i18n.ts';
import type { RefusalKind } from './refusals.ts';

/** The words for a failure, as message keys so every language gets them. */
export interface FailureWording {
  /** Short name, also the dialog's accessible name: "502 Bad Gateway", "Connection reset". */
  title: MessageKey;
  /** The status code shown before the title, when there is one. */
  code: string | null;
  /** What it means, in plain words. */
  meaning: MessageKey;
  /** Whose side the problem most likely is on. */
  side: MessageKey;
}

const HTTP: Record<number, Pick<FailureWording, 'title' | 'meaning'>> = {
  500: { title: 'status500Title', meaning: 'status500Meaning' },
  502: { title: 'status502Title', meaning: 'status502Meaning' },
  503: { title: 'status503Title', meaning: 'status503Meaning' },
  504: { title: 'status504Title', meaning: 'status504Meaning' },
  520: { title: 'status520Title', meaning: 'status520Meaning' },
  521: { title: 'status521Title', meaning: 'status521Meaning' },
  522: { title: 'status522Title', meaning: 'status522Meaning' },
  523: { title: 'status523Title', meaning: 'status523Meaning' },
  524: { title: 'status524Title', meaning: 'status524Meaning' },
  525: { title: 'status525Title', meaning: 'status525Meaning' },
  526: { title: 'status526Title', meaning: 'status526Meaning' },
  527: { title: 'status527Title', meaning: 'status527Meaning' },
  529: { title: 'status529Title', meaning: 'status529Meaning' },
};

const NETWORK: Record<NetworkErrorKind, Pick<FailureWording, 'title' | 'meaning' | 'side'>> = {
  'connection-reset': { title: 'netResetTitle', meaning: 'netResetMeaning', side: 'sideEither' },
  'connection-refused': {
    title: 'netRefusedTitle',
    meaning: 'netRefusedMeaning',
    side: 'sideEither',
  },
  'connection-closed': { title: 'netClosedTitle', meaning: 'netClosedMeaning', side: 'sideEither' },
  'timed-out': { title: 'netTimedOutTitle', meaning: 'netTimedOutMeaning', side: 'sideEither' },
  'name-not-resolved': {
    title: 'netNameTitle',
    meaning: 'netNameMeaning',
    side: 'sideYours',
  },
  'internet-disconnected': {
    title: 'netOfflineTitle',
    meaning: 'netOfflineMeaning',
    side: 'sideYours',
  },
  proxy: { title: 'netProxyTitle', meaning: 'netProxyMeaning', side: 'sideYours' },
  ssl: { title: 'netSslTitle', meaning: 'netSslMeaning', side: 'sideEither' },
  other: { title: 'netOtherTitle', meaning: 'netOtherMeaning', side: 'sideEither' },
};

/**
 * `request`: a chat request failed while the page itself loaded fine, so the words speak of
 * the message and its answer, not of a page.
 */
export function describeFailure(
  failure: Failure,
  scope: 'page' | 'request' = 'page',
): FailureWording {
  const words = describePageFailure(failure);
  if (scope === 'page' || failure.kind === 'page') return words;
  return {
    ...words,
    meaning: failure.kind === 'network' ? 'requestNetworkMeaning' : 'requestHttpMeaning',
  };
}

function describePageFailure(failure: Failure): FailureWording {
  if (failure.kind === 'network') return { ...NETWORK[failure.network], code: null };
  if (failure.kind === 'page') {
    return {
      title: 'pageNoticeTitle',
      meaning: 'pageNoticeMeaning',
      side: 'sideService',
      code: null,
    };
  }
  const known = HTTP[failure.status];
  if (known) return { ...known, code: String(failure.status), side: 'sideService' };
  // An outage status without its own words still gets honest generic ones.
  return {
    title: 'statusOtherTitle',
    meaning: 'statusOtherMeaning',
    code: String(failure.status),
    side: 'sideService',
  };
}

const REFUSALS: Record<RefusalKind, Pick<FailureWording, 'title' | 'meaning'>> = {
  'rate-limit': { title: 'refusalRateLimitTitle', meaning: 'refusalRateLimitMeaning' },
  challenge: { title: 'refusalChallengeTitle', meaning: 'refusalChallengeMeaning' },
  blocked: { title: 'refusalBlockedTitle', meaning: 'refusalBlockedMeaning' },
  policy: { title: 'refusalPolicyTitle', meaning: 'refusalPolicyMeaning' },
  'sign-in': { title: 'refusalSignInTitle', meaning: 'refusalSignInMeaning' },
  'usage-cap': { title: 'refusalUsageCapTitle', meaning: 'refusalUsageCapMeaning' },
};

/** Words for an answer that is not an outage: what it is, and that retrying will not help. */
export function describeRefusal(kind: RefusalKind, status: number | null): FailureWording {
  // Only a rate limit is named by its code: a challenge served as "503" is not a 503 outage.
  const code = kind === 'rate-limit' && status ? String(status) : null;
  return { ...REFUSALS[kind], code, side: 'refusalSide' };
}
