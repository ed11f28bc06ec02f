/**
 * Notice wording as compared: the sites' own error texts vary in case, spacing,
 * punctuation and spelling ("NetworkError when attempting to fetch resource.", "network
 * error", "Something went wrong!"), so both the page's text and the adapters' phrases are
 * brought to one form before a phrase is looked for.
 */

/**
 * One comparable form: Unicode-compatible (full-width forms folded), camel case split
 * ("NetworkError" → "network error"), lower case, apostrophes dropped ("you've" →
 * "youve", the same for ’), every run of punctuation, symbols and spaces made one space.
 */
export function normalizeNotice(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** Letters of scripts written with spaces between words, where a phrase must start a word. */
const SPACED = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u;

/**
 * Does the normalised text hold the normalised phrase, starting at a word's start? The end
 * may run on ("rate limit" finds "rate limited", "violat" finds "violates"); the start may
 * not ("log in" is not in "catalog in"). Scripts without spaces (Chinese, Japanese) match
 * anywhere.
 */
export function hasPhrase(text: string, phrase: string): boolean {
  if (phrase === '') return false;
  const spaced = SPACED.test(phrase[0] ?? '');
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return false;
    if (!spaced || at === 0 || text[at - 1] === ' ') return true;
    from = at + 1;
  }
}

export interface PreparedPhrases {
  outage: string[];
  network: string[];
  notOutage: string[];
}

const prepared = new WeakMap<object, PreparedPhrases>();

/** The phrase lists in normalised form, worked out once per list object. */
export function preparePhrases(phrases: {
  outage: readonly string[];
  network: readonly string[];
  notOutage: readonly string[];
}): PreparedPhrases {
  const cached = prepared.get(phrases);
  if (cached) return cached;
  const norm = (list: readonly string[]) =>
    list.map((phrase) => normalizeNotice(phrase)).filter((phrase) => phrase !== '');
  const result = {
    outage: norm(phrases.outage),
    network: norm(phrases.network),
    notOutage: norm(phrases.notOutage),
  };
  prepared.set(phrases, result);
  return result;
}
