/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom status feeds. A feed is a list of posts, not a status:
 * a recent post without "resolved" wording is a hint of trouble ("degraded", or
 * "maintenance" when it says so), marked `inferred`. A feed never yields "operational":
 * silence in a feed proves nothing (posts come late, short or partial incidents go
 * unposted, a feed can be stale or cached), so no recent post reads as "unknown" with
 * `REASON.noIncidentListed`.
 */
import { parseTime, plainText, safeUrl } from '../text.ts';
import {
  type KnownLevel,
  REASON,
  STATUS_TEXT_MAX,
  type StatusIncident,
  TITLE_MAX,
} from '../types.ts';
import { assemble, guard } from './assemble.ts';
import { feedItems } from './xml.ts';

const DEFAULT_RECENT_HOURS = 6;
/** Posts dated further ahead than this are odd dates, not news. */
const FUTURE_SLACK_MS = 60 * 60_000;
/** How much of a post's text is searched for its latest state (the newest update leads). */
const LEAD_CHARS = 400;

const RESOLVED =
  /\b(resolved|completed|fixed|restored|recovered|post-?mortem|back to normal|has ended|is over)\b|已解决|已恢复|已修复|已完成|恢复正常|已结束/i;
const MAINTENANCE = /\b(maintenance|scheduled)\b|维护/i;
/**
 * An explicit status line, wherever it stands: DeepSeek's bilingual posts keep their
 * updates oldest first and end with "Status: resolved / 本次问题已解决", past the lead.
 */
const STATUS_LINE = /\bstatus\s*[:：]\s*([a-z][a-z ]{2,20})|(本次问题已解决|问题已解决)/gi;
/** How much of a post's text is searched for a status line. */
const TEXT_CHARS = 4000;
const STATES = ['investigating', 'identified', 'monitoring', 'in progress', 'update'] as const;

export const readRss = guard('rss', (body, now, options, source) => {
  const items = feedItems(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
  if (!items) {
    const html = /^\s*<(!doctype\s+html|html)\b/i.test(body.slice(0, 512));
    return assemble(
      { base: 'unknown', baseReason: html ? `${REASON.notFeed}: HTML page` : REASON.notFeed },
      now,
      source,
    );
  }
  if (items.length === 0) {
    return assemble(
      {
        base: 'unknown',
        baseReason: `${REASON.noIncidentListed}: the feed is empty`,
        inferred: true,
      },
      now,
      source,
    );
  }
  const wanted = options.recentHours ?? DEFAULT_RECENT_HOURS;
  const hours = Number.isFinite(wanted) && wanted > 0 ? wanted : DEFAULT_RECENT_HOURS;
  const recentMs = hours * 3_600_000;
  let dated = 0;
  const signals: KnownLevel[] = [];
  const incidents: StatusIncident[] = [];
  for (const item of items) {
    const at = parseTime(item.date);
    if (at === null || at > now + FUTURE_SLACK_MS) continue;
    dated++;
    if (now - at > recentMs) continue;
    const title = plainText(item.title, TITLE_MAX);
    const lead = `${title} ${plainText(item.text, LEAD_CHARS)}`;
    if (RESOLVED.test(lead) || statusLineSaysResolved(plainText(item.text, TEXT_CHARS))) continue;
    const maintenance = MAINTENANCE.test(lead);
    signals.push(maintenance ? 'maintenance' : 'degraded');
    incidents.push({
      title: title || 'Untitled post',
      status: plainText(stateOf(lead, maintenance), STATUS_TEXT_MAX),
      updatedAt: at,
      url: safeUrl(plainText(item.link, 500), options.page),
    });
  }
  if (dated === 0) {
    return assemble(
      {
        base: 'unknown',
        baseReason: `${REASON.format}: no readable dates in the feed`,
        inferred: true,
      },
      now,
      source,
    );
  }
  if (signals.length === 0) {
    return assemble(
      {
        base: 'unknown',
        baseReason: `${REASON.noIncidentListed}: no unresolved post in the last ${hours} hours`,
        inferred: true,
      },
      now,
      source,
    );
  }
  const worst = signals.includes('degraded') ? 'degraded' : 'maintenance';
  return assemble({ base: worst, signals, incidents, inferred: true }, now, source);
});

function stateOf(text: string, maintenance: boolean): string {
  const lower = text.toLowerCase();
  let best: { at: number; word: string } | null = null;
  for (const word of STATES) {
    const at = lower.indexOf(word);
    if (at >= 0 && (!best || at < best.at)) best = { at, word };
  }
  if (best) return best.word;
  return maintenance ? 'maintenance' : 'reported';
}

/** The last explicit status line of a post says it is over. */
function statusLineSaysResolved(text: string): boolean {
  let last: string | null = null;
  for (const match of text.matchAll(STATUS_LINE)) last = match[1] ?? match[2] ?? null;
  return last !== null && RESOLVED.test(last);
}
