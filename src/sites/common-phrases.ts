/**
 * Wording that means "not an outage" on any site: the user was refused, limited or asked
 * to prove something, which no retry fixes and an automatic retry can make worse.
 */
export const NOT_OUTAGE_PHRASES = [
  'rate limit',
  'too many requests',
  'usage limit',
  'usage cap',
  "you've reached",
  'you have reached',
  'message limit',
  'maximum length',
  'too long',
  'unusual activity',
  'suspicious activity',
  'verify you are human',
  'are you a robot',
  'captcha',
  'log in',
  'sign in',
  'login',
  'content policy',
  'usage policies',
  'violates',
  'not available in your country',
  'upgrade to',
] as const;
