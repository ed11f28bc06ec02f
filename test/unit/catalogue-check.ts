/**
 * What can go wrong between the languages of `_locales`, as a list of readable problems:
 * a key one language has and another lacks, and placeholders that differ (a translation
 * that drops `$SITE$`, renames it, or maps it to another substitution).
 */
export interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, Entry>;

/** `$NAME$` references in a message, lower-cased (Chrome matches them case-insensitively). */
function references(message: string): string[] {
  return [...message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)]
    .map((m) => (m[1] ?? '').toLowerCase())
    .sort();
}

function placeholders(entry: Entry): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
}

export function catalogueProblems(catalogues: Record<string, Catalogue>, base = 'en'): string[] {
  const problems: string[] = [];
  const reference = catalogues[base];
  if (!reference) return [`no "${base}" catalogue`];
  const allKeys = new Set(Object.values(catalogues).flatMap((c) => Object.keys(c)));

  for (const [language, catalogue] of Object.entries(catalogues)) {
    for (const key of allKeys) {
      if (!(key in catalogue)) problems.push(`${language}: missing key "${key}"`);
    }
    for (const [key, entry] of Object.entries(catalogue)) {
      if (!/^[A-Za-z0-9_@]+$/.test(key)) problems.push(`${language}: invalid key "${key}"`);
      if (typeof entry?.message !== 'string') {
        problems.push(`${language}: "${key}" has no message`);
        continue;
      }
      const own = placeholders(entry);
      const used = references(entry.message);
      const defined = Object.keys(own).sort();
      for (const name of used) {
        if (!defined.includes(name))
          problems.push(`${language}: "${key}" uses undefined $${name}$`);
      }
      for (const name of defined) {
        if (!used.includes(name)) problems.push(`${language}: "${key}" never uses $${name}$`);
      }
      const expected = reference[key];
      if (language === base || !expected) continue;
      const theirs = JSON.stringify(Object.entries(placeholders(expected)).sort());
      const ours = JSON.stringify(Object.entries(own).sort());
      if (theirs !== ours) {
        problems.push(`${language}: "${key}" placeholders ${ours} differ from ${base}'s ${theirs}`);
      }
    }
  }
  return problems;
}
