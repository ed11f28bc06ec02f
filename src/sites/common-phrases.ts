/**
 * Wording shared by the sites. Phrases state a meaning, not one spelling: they are matched
 * against the page's text after both are normalised (case, spacing, punctuation and
 * apostrophes aside, "NetworkError" read as "network error"; see shared/notice-text.ts),
 * must start a word and may run on ("rate limit" finds "rate limited").
 */

/** "Something failed on their side", in the languages the sites' interfaces speak. */
export const GENERIC_OUTAGE_PHRASES = [
  'something went wrong',
  'an error occurred',
  'an error has occurred',
  'internal server error',
  // German, French, Spanish, Japanese, Chinese.
  'etwas ist schiefgelaufen',
  'fehler ist aufgetreten',
  'fehler aufgetreten',
  'une erreur est survenue',
  "une erreur s'est produite",
  'un problème est survenu',
  'algo salió mal',
  'se produjo un error',
  'ha ocurrido un error',
  '問題が発生しました',
  'エラーが発生しました',
  '出错了',
  '发生错误',
  '出了点问题',
] as const;

/**
 * "The connection failed", including the raw messages of a failed fetch that sites show
 * as they are: Firefox's "NetworkError when attempting to fetch resource." and Chromium's
 * "Failed to fetch".
 */
export const GENERIC_NETWORK_PHRASES = [
  'network error',
  'failed to fetch',
  'connection lost',
  'connection interrupted',
  'netzwerkfehler',
  'erreur réseau',
  'error de red',
  'ネットワークエラー',
  '网络错误',
] as const;

/**
 * Wording that means "not an outage" on any site: the user was refused, limited or asked
 * to prove something, or the conversation is gone, which no retry fixes and an automatic
 * retry can make worse.
 */
export const NOT_OUTAGE_PHRASES = [
  'rate limit',
  'too many requests',
  'too many messages',
  'usage limit',
  'usage cap',
  "you've reached",
  'you have reached',
  "you've hit",
  'you have hit',
  'limit reached',
  'message limit',
  'out of free messages',
  'maximum length',
  'is too long',
  'unusual activity',
  'suspicious activity',
  'verify you are human',
  'are you a robot',
  'captcha',
  'log in',
  'sign in',
  'login',
  'session expired',
  'content policy',
  'usage policies',
  'violat',
  'not available in your country',
  'upgrade to',
  'conversation not found',
  'zu viele anfragen',
  'limit erreicht',
  'trop de requêtes',
  'vous avez atteint',
  'demasiadas solicitudes',
  'has alcanzado',
  'リクエストが多すぎ',
  '上限に達しました',
  '请求过于频繁',
  '请求过多',
  '已达到上限',
] as const;
