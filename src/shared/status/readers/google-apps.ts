/**
 * Google's status dashboards (`/appsstatus/dashboard/incidents.json`, the same schema as
 * Google Cloud's): a JSON array of incidents for every product, newest first, each with
 * `service_name`, `affected_products[]{title}`, `external_desc`, `begin`, `end` (absent,
 * null or empty while active), `status_impact` (SERVICE_INFORMATION | SERVICE_DISRUPTION |
 * SERVICE_OUTAGE), `most_recent_update{status,text,when,modified}` and `uri`.
 *
 * The list only holds what Google chose to post, so "no active incident" is not, by itself,
 * "operational" (see `ReaderOptions.absenceMeansOperational`).
 */
import * as v from 'valibot';
import { parseJsonBody, parseTime, plainText, quoteValue, safeUrl, sameName } from '../text.ts';
import {
  type KnownLevel,
  REASON,
  STATUS_TEXT_MAX,
  type StatusIncident,
  TITLE_MAX,
} from '../types.ts';
import { assemble, guard } from './assemble.ts';

const Impact = v.picklist([
  'AVAILABLE',
  'SERVICE_INFORMATION',
  'SERVICE_DISRUPTION',
  'SERVICE_OUTAGE',
]);
const IMPACT_LEVEL: Record<v.InferOutput<typeof Impact>, KnownLevel | null> = {
  AVAILABLE: null,
  SERVICE_INFORMATION: 'degraded',
  SERVICE_DISRUPTION: 'partial-outage',
  SERVICE_OUTAGE: 'major-outage',
};

const Time = v.optional(v.nullable(v.union([v.string(), v.number()])));
const Text = v.optional(v.nullable(v.string()));

const Incident = v.object({
  external_desc: v.string(),
  begin: Time,
  end: Time,
  modified: Time,
  status_impact: v.optional(v.unknown()),
  most_recent_update: v.optional(
    v.nullable(
      v.object({ status: v.optional(v.unknown()), when: Time, modified: Time, created: Time }),
    ),
  ),
  uri: Text,
});

/** The most entries looked at: the list is history, newest first. */
const SCAN_MAX = 2000;

export const readGoogleApps = guard('google-apps', (body, now, options, source) => {
  const json = parseJsonBody(body);
  if (!json.ok) return assemble({ base: 'unknown', baseReason: json.reason }, now, source);
  if (!Array.isArray(json.value)) {
    return assemble(
      { base: 'unknown', baseReason: `${REASON.format}: expected a list of incidents` },
      now,
      source,
    );
  }
  const product = (options.product ?? '').trim().toLowerCase();
  if (!product) {
    return assemble(
      { base: 'unknown', baseReason: `${REASON.format}: no product to look for` },
      now,
      source,
    );
  }
  const signals: KnownLevel[] = [];
  const doubts: string[] = [];
  const incidents: StatusIncident[] = [];
  for (const raw of json.value.slice(0, SCAN_MAX)) {
    if (!mentions(raw, product)) continue;
    // History first: an entry that has ended is skipped before it is judged, so one odd
    // old entry cannot spoil every reading.
    const end = (raw as { end?: unknown }).end;
    const ended = endedBy(end, now);
    if (ended === true) continue;
    if (ended === null) {
      doubts.push(`incident end ${quoteValue(end)}`);
      continue;
    }
    const parsed = v.safeParse(Incident, raw);
    if (!parsed.success) {
      doubts.push('an incident is unreadable');
      continue;
    }
    const incident = parsed.output;
    const latest = incident.most_recent_update?.status;
    const impact = v.safeParse(Impact, latest ?? incident.status_impact);
    const fallback = v.safeParse(Impact, incident.status_impact);
    const chosen = impact.success ? impact.output : fallback.success ? fallback.output : null;
    if (chosen === null) {
      doubts.push(`incident impact ${quoteValue(latest ?? incident.status_impact)}`);
    } else {
      const level = IMPACT_LEVEL[chosen];
      if (level === null) continue; // Its latest word is "available": over, end not yet set.
      signals.push(level);
    }
    const update = incident.most_recent_update;
    incidents.push({
      title: plainText(incident.external_desc, TITLE_MAX) || 'Untitled incident',
      status: plainText(
        (chosen ?? 'reported')
          .replace(/^SERVICE_/, '')
          .replace(/_/g, ' ')
          .toLowerCase(),
        STATUS_TEXT_MAX,
      ),
      updatedAt:
        parseTime(update?.when) ??
        parseTime(update?.modified) ??
        parseTime(update?.created) ??
        parseTime(incident.modified) ??
        parseTime(incident.begin),
      url: safeUrl(incident.uri, options.page ?? 'https://www.google.com/appsstatus/dashboard/'),
    });
  }
  if (signals.length === 0 && doubts.length === 0 && !options.absenceMeansOperational) {
    return assemble(
      {
        base: 'unknown',
        baseReason: `${REASON.noIncidentListed}: this list may not cover every problem`,
        incidents,
      },
      now,
      source,
    );
  }
  return assemble({ base: 'operational', signals, doubts, incidents }, now, source);
});

/**
 * Does this raw entry name the product, exactly (case and spacing aside), as its service
 * or one of its affected products? Never a substring: "Gemini" is not "Gemini API".
 */
function mentions(raw: unknown, product: string): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const entry = raw as { service_name?: unknown; affected_products?: unknown };
  if (typeof entry.service_name === 'string' && sameName(entry.service_name, product)) {
    return true;
  }
  if (!Array.isArray(entry.affected_products)) return false;
  return entry.affected_products.some(
    (p: unknown) =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as { title?: unknown }).title === 'string' &&
      sameName((p as { title: string }).title, product),
  );
}

/** Over (true), still on (false), or unreadable (null). */
function endedBy(end: unknown, now: number): boolean | null {
  if (end === undefined || end === null || end === '') return false;
  const at = parseTime(end);
  if (at === null) return null;
  return at <= now;
}
