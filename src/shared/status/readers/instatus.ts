/**
 * Instatus `/summary.json`: `page{name,url,status: UP|HASISSUES|UNDERMAINTENANCE}`,
 * `activeIncidents[]{id,name,started,status,impact,url}`, `activeMaintenances[]`.
 */
import * as v from 'valibot';
import {
  pageNameMatches,
  parseJsonBody,
  parseTime,
  plainText,
  quoteValue,
  safeUrl,
} from '../text.ts';
import {
  type KnownLevel,
  REASON,
  STATUS_TEXT_MAX,
  type StatusIncident,
  type StatusLevel,
  TITLE_MAX,
} from '../types.ts';
import { assemble, guard } from './assemble.ts';

const PageStatus = v.picklist(['UP', 'HASISSUES', 'UNDERMAINTENANCE']);
const Impact = v.picklist([
  'OPERATIONAL',
  'DEGRADEDPERFORMANCE',
  'PARTIALOUTAGE',
  'MAJOROUTAGE',
  'UNDERMAINTENANCE',
]);
const IMPACT_LEVEL: Record<v.InferOutput<typeof Impact>, KnownLevel> = {
  OPERATIONAL: 'operational',
  DEGRADEDPERFORMANCE: 'degraded',
  PARTIALOUTAGE: 'partial-outage',
  MAJOROUTAGE: 'major-outage',
  UNDERMAINTENANCE: 'maintenance',
};
const MaintenanceStatus = v.picklist(['NOTSTARTEDYET', 'INPROGRESS', 'COMPLETED']);

/** Instatus spells states as one upper-case word. */
const STATUS_WORDS: Record<string, string> = {
  INPROGRESS: 'in progress',
  NOTSTARTEDYET: 'not started',
};

const Time = v.optional(v.nullable(v.union([v.string(), v.number()])));
const Text = v.optional(v.nullable(v.string()));

const Summary = v.object({
  page: v.object({ name: v.optional(v.unknown()), url: Text, status: v.unknown() }),
  activeIncidents: v.optional(v.unknown()),
  activeMaintenances: v.optional(v.unknown()),
});

const Entry = v.object({
  name: v.string(),
  status: v.string(),
  impact: v.optional(v.unknown()),
  started: Time,
  start: Time,
  updated: Time,
  url: Text,
});

export const readInstatus = guard('instatus', (body, now, options, source) => {
  const json = parseJsonBody(body);
  if (!json.ok) return assemble({ base: 'unknown', baseReason: json.reason }, now, source);
  const doc = v.safeParse(Summary, json.value);
  if (!doc.success) {
    return assemble(
      { base: 'unknown', baseReason: `${REASON.format}: no page.status` },
      now,
      source,
    );
  }
  const { page, activeIncidents, activeMaintenances } = doc.output;
  if (!pageNameMatches(page.name, options.pageName)) {
    return assemble(
      { base: 'unknown', baseReason: `${REASON.otherProduct}: page.name ${quoteValue(page.name)}` },
      now,
      source,
    );
  }
  const pageUrl = options.page ?? page.url ?? undefined;
  const status = v.safeParse(PageStatus, page.status);
  const signals: KnownLevel[] = [];
  const doubts: string[] = [];
  const incidents: StatusIncident[] = [];

  for (const entry of listOf(activeIncidents, 'activeIncidents', doubts)) {
    const parsed = v.safeParse(Entry, entry);
    if (!parsed.success) {
      doubts.push('an incident is unreadable');
      continue;
    }
    if (parsed.output.status.toUpperCase() === 'RESOLVED') continue;
    const impact = v.safeParse(Impact, parsed.output.impact);
    if (impact.success) signals.push(IMPACT_LEVEL[impact.output]);
    else doubts.push(`incident impact ${quoteValue(parsed.output.impact)}`);
    incidents.push(toIncident(parsed.output, pageUrl));
  }
  for (const entry of listOf(activeMaintenances, 'activeMaintenances', doubts)) {
    const parsed = v.safeParse(Entry, entry);
    if (!parsed.success) {
      doubts.push('a maintenance is unreadable');
      continue;
    }
    const state = v.safeParse(MaintenanceStatus, parsed.output.status);
    if (!state.success) doubts.push(`maintenance status ${quoteValue(parsed.output.status)}`);
    else if (state.output === 'INPROGRESS') {
      signals.push('maintenance');
      incidents.push(toIncident(parsed.output, pageUrl));
    }
  }

  let base: StatusLevel = 'unknown';
  if (status.success) {
    if (status.output === 'UP') base = 'operational';
    else if (status.output === 'UNDERMAINTENANCE') base = 'maintenance';
    // "Has issues" says no more than that: at least degraded, worse if an incident says so.
    else base = 'degraded';
  }
  return assemble(
    {
      base,
      baseReason: `${REASON.format}: page.status ${quoteValue(page.status)}`,
      signals,
      doubts,
      incidents,
    },
    now,
    source,
  );
});

function listOf(value: unknown, what: string, doubts: string[]): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  doubts.push(`${what} is not a list`);
  return [];
}

function toIncident(
  entry: v.InferOutput<typeof Entry>,
  pageUrl: string | undefined,
): StatusIncident {
  return {
    title: plainText(entry.name, TITLE_MAX) || 'Untitled incident',
    status: plainText(STATUS_WORDS[entry.status] ?? entry.status.toLowerCase(), STATUS_TEXT_MAX),
    updatedAt: parseTime(entry.updated) ?? parseTime(entry.started) ?? parseTime(entry.start),
    url: safeUrl(entry.url) ?? (pageUrl ? safeUrl(pageUrl) : null),
  };
}
