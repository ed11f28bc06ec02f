/**
 * Answers that look like trouble but are not outages: the user was limited, challenged or
 * refused. No retry fixes them and an automatic one can make them worse.
 */
export type RefusalKind =
  | 'rate-limit'
  | 'challenge'
  | 'blocked'
  | 'policy'
  | 'sign-in'
  | 'usage-cap';

const TEXT_KINDS: ReadonlyArray<readonly [RegExp, RefusalKind]> = [
  [
    /just a moment|verify you are human|are you a robot|captcha|checking your browser|cf-chl/,
    'challenge',
  ],
  [
    /attention required|you have been blocked|error(?: code)?:? 1020|access denied|error 1015/,
    'blocked',
  ],
  [/rate limit|too many requests|slow down/, 'rate-limit'],
  [
    /usage limit|usage cap|message limit|you've reached|you have reached|out of free messages|compute points|upgrade to/,
    'usage-cap',
  ],
  [/content policy|usage policies|violat/, 'policy'],
  [/log in|sign in|login|session expired|not available in your country/, 'sign-in'],
];

/** The kind of refusal this (lower-cased) wording describes, or null. */
export function refusalInText(lowerText: string): RefusalKind | null {
  for (const [pattern, kind] of TEXT_KINDS) if (pattern.test(lowerText)) return kind;
  return null;
}
