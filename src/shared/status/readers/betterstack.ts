/**
 * Better Stack (Better Uptime) public status page `/index.json`, JSON:API style:
 * `data.attributes.aggregate_state` for the page; in `included[]`, `status_page_resource`
 * items are the components (`public_name`, `status`) and `status_report` items the
 * incidents and maintenances (`title`, `report_type`, `starts_at`, `ends_at`,
 * `aggregate_state`).
 */
import * as v from 'valibot';
import {
  findByName,
  pageNameMatches,
  parseJsonBody,
  parseTime,
  plainText,
  quoteValue,
  safeUrl,
} from '../text.ts';
import {
  type KnownLevel,
  NAME_MAX,
  REASON,
  type StatusIncident,
  type StatusLevel,
  TITLE_MAX,
} from '../types.ts';
import { assemble, guard } from './assemble.ts';

const State = v.picklist(['operational', 'degraded', 'downtime', 'maintenance']);
/**
 * What a resource may say besides a state: "not_monitored" is a resource the page shows
 * without watching it. It says nothing either way, so it is neither a signal nor a doubt.
 */
const SILENT_RESOURCE = 'not_monitored';
/**
 * A report's own state once it is over. Better Stack keeps past reports in `index.json`
 * with `aggregate_state: "resolved"`, and a manual report can keep `ends_at: null` after it
 * was resolved: the state decides, whatever the dates say. A report whose affected
 * resources are all "operational" again is over too.
 */
const REPORT_OVER = new Set(['resolved', 'operational']);
/** The page as a whole is "downtime" when any one resource is down: a partial outage. */
const PAGE_LEVEL: Record<v.InferOutput<typeof State>, KnownLevel> = {
  operational: 'operational',
  degraded: 'degraded',
  downtime: 'partial-outage',
  maintenance: 'maintenance',
};
/** One resource "downtime" is that resource down. */
const RESOURCE_LEVEL: Record<v.InferOutput<typeof State>, KnownLevel> = {
  ...PAGE_LEVEL,
  downtime: 'major-outage',
};
const ReportType = v.picklist(['manual', 'automatic', 'maintenance']);

const Time = v.optional(v.nullable(v.union([v.string(), v.number()])));

const Document = v.object({
  data: v.object({
    attributes: v.object({
      aggregate_state: v.unknown(),
      company_name: v.optional(v.nullable(v.string())),
    }),
  }),
  included: v.optional(v.unknown()),
});

const Included = v.object({ type: v.string(), attributes: v.optional(v.unknown()) });

const Resource = v.object({ public_name: v.string(), status: v.unknown() });

const Report = v.object({
  title: v.string(),
  report_type: v.optional(v.unknown()),
  starts_at: Time,
  ends_at: Time,
  updated_at: Time,
  aggregate_state: v.optional(v.unknown()),
});

/** A report that started less than this far in the future still counts as started. */
const CLOCK_SLACK_MS = 5 * 60_000;

export const readBetterStack = guard('betterstack', (body, now, options, source) => {
  const json = parseJsonBody(body);
  if (!json.ok) return assemble({ base: 'unknown', baseReason: json.reason }, now, source);
  const doc = v.safeParse(Document, json.value);
  if (!doc.success) {
    return assemble(
      { base: 'unknown', baseReason: `${REASON.format}: no data.attributes.aggregate_state` },
      now,
      source,
    );
  }
  const { attributes } = doc.output.data;
  if (!pageNameMatches(attributes.company_name, options.pageName)) {
    return assemble(
      {
        base: 'unknown',
        baseReason: `${REASON.otherProduct}: company_name ${quoteValue(attributes.company_name)}`,
      },
      now,
      source,
    );
  }
  const state = v.safeParse(State, attributes.aggregate_state);
  const signals: KnownLevel[] = [];
  const doubts: string[] = [];
  const resources: Array<{ name: string; level: StatusLevel }> = [];
  const incidents: StatusIncident[] = [];

  const included = doc.output.included;
  if (included !== undefined && included !== null && !Array.isArray(included)) {
    doubts.push('included is not a list');
  }
  for (const raw of Array.isArray(included) ? included : []) {
    const item = v.safeParse(Included, raw);
    if (!item.success) {
      // Without its type, an item could be a resource that is down.
      doubts.push('an included item has no type');
      continue;
    }
    if (item.output.type === 'status_page_resource') {
      const resource = v.safeParse(Resource, item.output.attributes);
      if (!resource.success) {
        doubts.push('a resource is unreadable');
        continue;
      }
      if (resource.output.status === SILENT_RESOURCE) continue;
      const status = v.safeParse(State, resource.output.status);
      const level: StatusLevel = status.success ? RESOURCE_LEVEL[status.output] : 'unknown';
      if (level === 'unknown') doubts.push(`resource status ${quoteValue(resource.output.status)}`);
      else signals.push(level);
      resources.push({ name: plainText(resource.output.public_name, NAME_MAX), level });
    } else if (item.output.type === 'status_report') {
      const report = v.safeParse(Report, item.output.attributes);
      if (!report.success) {
        doubts.push('a status report is unreadable');
        continue;
      }
      const over =
        typeof report.output.aggregate_state === 'string' &&
        REPORT_OVER.has(report.output.aggregate_state.trim().toLowerCase());
      if (over) continue;
      const active = isActive(report.output, now);
      if (active === null) {
        doubts.push('a status report has unreadable dates');
        continue;
      }
      if (!active) continue;
      const type = v.safeParse(ReportType, report.output.report_type);
      const reportState = v.safeParse(State, report.output.aggregate_state);
      if (type.success && type.output === 'maintenance') signals.push('maintenance');
      else if (reportState.success) signals.push(RESOURCE_LEVEL[reportState.output]);
      else doubts.push(`report state ${quoteValue(report.output.aggregate_state)}`);
      incidents.push({
        title: plainText(report.output.title, TITLE_MAX) || 'Untitled incident',
        status: type.success && type.output === 'maintenance' ? 'maintenance' : 'ongoing',
        updatedAt: parseTime(report.output.updated_at) ?? parseTime(report.output.starts_at),
        url: options.page ? safeUrl(options.page) : null,
      });
    }
  }

  const component = findByName(resources, options.componentHint);
  return assemble(
    {
      base: state.success ? PAGE_LEVEL[state.output] : 'unknown',
      baseReason: `${REASON.format}: aggregate_state ${quoteValue(attributes.aggregate_state)}`,
      signals,
      doubts,
      component,
      componentReason: component?.level === 'unknown' ? `${REASON.format}: resource status` : null,
      incidents,
    },
    now,
    source,
  );
});

/** Started (give or take clock skew) and not ended; null when the dates cannot be read. */
function isActive(report: v.InferOutput<typeof Report>, now: number): boolean | null {
  const starts =
    report.starts_at == null || report.starts_at === '' ? null : parseTime(report.starts_at);
  if (report.starts_at != null && report.starts_at !== '' && starts === null) return null;
  if (starts !== null && starts > now + CLOCK_SLACK_MS) return false;
  if (report.ends_at == null || report.ends_at === '') return true;
  const ends = parseTime(report.ends_at);
  if (ends === null) return null;
  return ends > now;
}
