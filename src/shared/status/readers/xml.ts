/**
 * Just enough XML for status feeds, without DOMParser (a service worker has none): the
 * root element's name, and each item's title, link, date and text. Tolerant by design:
 * unclosed items end at the next item, unknown markup is skipped, nothing throws. It uses
 * `indexOf` scans, not backtracking patterns, so hostile input costs linear time.
 */

export interface FeedItem {
  /** Raw inner text (entities and CDATA still to be handled by `plainText`). */
  title: string;
  link: string | null;
  date: string | null;
  /** The item's description or content, raw. */
  text: string;
}

export type FeedKind = 'rss' | 'atom' | 'rdf';

/** The feed's kind from its root element, or null when the document is not a feed. */
export function feedKind(xml: string): FeedKind | null {
  let at = 0;
  // Skip the prolog: XML declaration, processing instructions, comments, doctype.
  for (let guard = 0; guard < 64; guard++) {
    at = xml.indexOf('<', at);
    if (at < 0) return null;
    const next = xml[at + 1];
    if (next === '?') {
      const end = xml.indexOf('?>', at + 2);
      if (end < 0) return null;
      at = end + 2;
    } else if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at + 4);
      if (end < 0) return null;
      at = end + 3;
    } else if (next === '!') {
      const end = xml.indexOf('>', at + 2);
      if (end < 0) return null;
      at = end + 1;
    } else {
      const name = /^<([A-Za-z_][\w.:-]{0,40})/.exec(xml.slice(at, at + 48))?.[1]?.toLowerCase();
      if (name === 'rss') return 'rss';
      if (name === 'feed' || name === 'atom:feed') return 'atom';
      if (name === 'rdf:rdf') return 'rdf';
      return null;
    }
  }
  return null;
}

/** Where the element `name` starts at or after `from` (`<name` then space, `>` or `/`). */
function openTag(xml: string, name: string, from: number, until: number): number {
  let at = from;
  while (at < until) {
    at = xml.indexOf(`<${name}`, at);
    if (at < 0 || at >= until) return -1;
    const after = xml[at + name.length + 1];
    if (
      after === '>' ||
      after === '/' ||
      after === ' ' ||
      after === '\n' ||
      after === '\t' ||
      after === '\r'
    ) {
      return at;
    }
    at += name.length + 1;
  }
  return -1;
}

/** The blocks of each item (`item` or `entry`), at most `max`. */
function itemBlocks(xml: string, name: string, max: number): string[] {
  const blocks: string[] = [];
  let at = openTag(xml, name, 0, xml.length);
  while (at >= 0 && blocks.length < max) {
    const next = openTag(xml, name, at + name.length + 1, xml.length);
    const close = xml.indexOf(`</${name}`, at);
    const limit = next < 0 ? xml.length : next;
    const end = close >= 0 && close < limit ? close : limit;
    blocks.push(xml.slice(at, end));
    at = next;
  }
  return blocks;
}

/** The first child element among `names`: its start tag and inner text. */
function child(block: string, names: readonly string[]): { tag: string; inner: string } | null {
  for (const name of names) {
    const start = openTag(block, name, 1, block.length);
    if (start < 0) continue;
    const tagEnd = block.indexOf('>', start);
    if (tagEnd < 0) continue;
    const tag = block.slice(start, tagEnd + 1);
    if (block[tagEnd - 1] === '/') return { tag, inner: '' };
    const close = block.indexOf(`</${name}`, tagEnd + 1);
    const inner = block.slice(tagEnd + 1, close < 0 ? unclosedEnd(block, tagEnd + 1) : close);
    return { tag, inner: unwrapCdata(inner) };
  }
  return null;
}

/** Where an element that is never closed ends: at the next tag (CDATA is content). */
function unclosedEnd(block: string, from: number): number {
  let at = from;
  for (;;) {
    const next = block.indexOf('<', at);
    if (next < 0) return block.length;
    if (!block.startsWith('<![CDATA[', next)) return next;
    const end = block.indexOf(']]>', next + 9);
    if (end < 0) return block.length;
    at = end + 3;
  }
}

/** CDATA sections become their content; the rest is left as it was. */
function unwrapCdata(text: string): string {
  if (!text.includes('<![CDATA[')) return text;
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('<![CDATA[', at);
    if (open < 0) {
      out += text.slice(at);
      break;
    }
    out += text.slice(at, open);
    const close = text.indexOf(']]>', open + 9);
    if (close < 0) {
      out += text.slice(open + 9);
      break;
    }
    out += text.slice(open + 9, close);
    at = close + 3;
  }
  return out;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`).exec(tag);
  return match?.[1] ? match[1].slice(1, -1) : null;
}

/** An Atom entry's link: the `alternate` one, or the first without a `rel`. */
function atomLink(block: string): string | null {
  let from = 1;
  let fallback: string | null = null;
  for (let guard = 0; guard < 16; guard++) {
    const start = openTag(block, 'link', from, block.length);
    if (start < 0) break;
    const end = block.indexOf('>', start);
    if (end < 0) break;
    const tag = block.slice(start, end + 1);
    const rel = attribute(tag, 'rel');
    const href = attribute(tag, 'href');
    if (href && (rel === null || rel === 'alternate')) return href;
    fallback ??= href;
    from = end + 1;
  }
  return fallback;
}

/** The feed's items in document order, at most `max`; null when it is not a feed. */
export function feedItems(xml: string, max = 50): FeedItem[] | null {
  const kind = feedKind(xml);
  if (!kind) return null;
  const blocks = itemBlocks(xml, kind === 'atom' ? 'entry' : 'item', max);
  return blocks.map((block) => {
    const date = child(block, ['pubDate', 'updated', 'published', 'dc:date', 'atom:updated']);
    const text = child(block, ['description', 'summary', 'content:encoded', 'content']);
    const rssLink = kind === 'atom' ? null : child(block, ['link'])?.inner.trim() || null;
    return {
      title: child(block, ['title'])?.inner ?? '',
      link:
        kind === 'atom'
          ? atomLink(block)
          : (rssLink ?? child(block, ['guid'])?.inner.trim() ?? null),
      date: date ? date.inner.trim() : null,
      text: text?.inner ?? '',
    };
  });
}
