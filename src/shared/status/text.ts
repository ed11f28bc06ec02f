/**
 * Small, total helpers the readers share: plain text from untrusted strings, safe links,
 * strict dates, and JSON that may not be JSON. None of them throws.
 */
import { REASON } from './types.ts';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decodes the few entities status pages use (named basics and numeric). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : ' ';
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Characters that never belong in a one-line label: C0/C1 controls, zero-width and
 * direction overrides (which can make a title read backwards), the byte-order mark.
 */
function isInvisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff
  );
}

/** Removes tags, and the start of any tag left unclosed ("<script", "</"). */
function withoutTags(text: string): string {
  return text.replace(/<[^<>]*>/g, ' ').replace(/<[a-z/!?][^\s<>]*/gi, ' ');
}

/**
 * A string fit to show as text: tags stripped, entities decoded, controls removed,
 * whitespace collapsed, at most `max` characters (an ellipsis marks a cut).
 */
export function plainText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  // Bound the work before any pattern runs on it.
  const bounded = value.length > max * 8 + 64 ? value.slice(0, max * 8 + 64) : value;
  const decoded = withoutTags(decodeEntities(withoutTags(bounded)));
  let out = '';
  for (const char of decoded) {
    const code = char.codePointAt(0) ?? 0;
    out += isInvisible(code) ? ' ' : char;
  }
  out = out.replace(/\s+/g, ' ').trim();
  if (out.length <= max) return out;
  const chars = Array.from(out);
  if (chars.length <= max) return out;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** A value quoted for a reason string: short, plain, and clearly marked as the input's. */
export function quoteValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${plainText(value, 40)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/** An https link, resolved against `base` when relative; null for anything else. */
export function safeUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return null;
  try {
    const url = base
      ? new URL(value.trim(), base.endsWith('/') ? base : `${base}/`)
      : new URL(value);
    if (url.protocol !== 'https:' || url.username || url.password) return null;
    const href = url.href;
    return href.length <= 500 ? href : null;
  } catch {
    return null;
  }
}

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
};

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function plausible(ms: number): number | null {
  return Number.isFinite(ms) && ms >= MIN_TIME && ms < MAX_TIME ? ms : null;
}

function fromParts(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offsetMinutes: number,
): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 24 || minute > 59 || second > 60) return null;
  if (hour === 24 && (minute > 0 || second > 0 || ms > 0)) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  return plausible(utc - offsetMinutes * 60_000);
}

function offsetOf(zone: string | undefined): number | null {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3]);
    if (hours > 14 || minutes > 59) return null;
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const named = ZONES[zone.toLowerCase()];
  return named === undefined ? null : named * 60;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC822 =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})?$/i;

/**
 * A date as epoch ms, or null: ISO 8601 (offset optional, UTC assumed), RFC 822 as in RSS,
 * or an epoch number (seconds or ms). Impossible dates ("2026-13-45", Feb 30) and dates
 * outside 2000..2100 are null: no engine-specific guessing.
 */
export function parseTime(value: unknown): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    // Seconds until 2100 are below 4.2e9; ms from 2000 on are above 9.4e11.
    if (value < 1e10) return plausible(Math.round(value * 1000));
    return plausible(Math.round(value));
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > 64) return null;
  if (/^\d{9,13}(\.\d+)?$/.test(text)) return parseTime(Number(text));
  const iso = ISO.exec(text);
  if (iso) {
    const offset = offsetOf(iso[8]);
    if (offset === null) return null;
    const fraction = iso[7] ? Math.floor(Number(`0.${iso[7]}`) * 1000) : 0;
    return fromParts(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
      fraction,
      offset,
    );
  }
  const rfc = RFC822.exec(text);
  if (rfc) {
    const month = MONTHS.indexOf((rfc[2] ?? '').toLowerCase()) + 1;
    if (month === 0) return null;
    const offset = offsetOf(rfc[7]);
    if (offset === null) return null;
    let year = Number(rfc[3]);
    if ((rfc[3] ?? '').length === 2) year += year < 70 ? 2000 : 1900;
    return fromParts(
      year,
      month,
      Number(rfc[1]),
      Number(rfc[4]),
      Number(rfc[5]),
      Number(rfc[6] ?? 0),
      0,
      offset,
    );
  }
  return null;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** Parses a body that should be JSON, telling HTML and empty answers apart from bad JSON. */
export function parseJsonBody(body: unknown): JsonResult {
  if (typeof body !== 'string') return { ok: false, reason: REASON.empty };
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const start = text.trimStart();
  if (start.length === 0) return { ok: false, reason: REASON.empty };
  if (start[0] === '<') {
    const html = /^<(!doctype\s+html|html|head|body)\b/i.test(start);
    return { ok: false, reason: html ? `${REASON.notJson}: HTML page` : REASON.notJson };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: REASON.malformedJson };
  }
}

/** A name as compared: case, surrounding and repeated spaces aside. */
export function sameName(a: string, b: string): boolean {
  const norm = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/**
 * The component named exactly (case and spacing aside) by the first hint that names one.
 * Never a substring: a product named "ChatGPT Atlas" or "Codex in ChatGPT Desktop" is not
 * the chat, and picking it would report another product's state as the chat's.
 */
export function findByName<T extends { name: string }>(
  items: readonly T[],
  hints: readonly string[] | undefined,
): T | null {
  if (!hints || hints.length === 0) return null;
  for (const hint of hints) {
    if (hint.trim() === '') continue;
    const exact = items.find((item) => sameName(item.name, hint));
    if (exact) return exact;
  }
  return null;
}

/** Does the page's name belong to the expected product? (No expectation: yes.) */
export function pageNameMatches(name: unknown, expected: readonly string[] | undefined): boolean {
  if (!expected || expected.length === 0) return true;
  if (typeof name !== 'string') return false;
  const lower = name.toLowerCase();
  return expected.some((want) => lower.includes(want.toLowerCase()));
}
