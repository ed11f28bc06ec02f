/**
 * Atlassian Statuspage v2 (`/api/v2/summary.json`, `/api/v2/status.json`) and incident.io's
 * Statuspage-compatible copy of it, which has the same shape but may leave out `incidents`
 * and name a component state `full_outage`. Also reads `/api/v2/incidents.json` for the
 * incident list alone (incident.io pages keep incidents there).
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
  type ReaderOptions,
  STATUS_TEXT_MAX,
  type StatusIncident,
  type StatusLevel,
  TITLE_MAX,
} from '../types.ts';
import { assemble, guard, newestFirst } from './assemble.ts';

const Indicator = v.picklist(['none', 'minor', 'major', 'critical', 'maintenance']);
const INDICATOR_LEVEL: Record<v.InferOutput<typeof Indicator>, KnownLevel> = {
  none: 'operational',
  minor: 'degraded',
  major: 'partial-outage',
  critical: 'major-outage',
  maintenance: 'maintenance',
};

const ComponentStatus = v.picklist([
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'full_outage',
  'under_maintenance',
]);
const COMPONENT_LEVEL: Record<v.InferOutput<typeof ComponentStatus>, KnownLevel> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial-outage',
  major_outage: 'major-outage',
  full_outage: 'major-outage',
  under_maintenance: 'maintenance',
};

const Impact = v.picklist(['none', 'minor', 'major', 'critical', 'maintenance']);
const IncidentStatus = v.picklist([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
]);
const MaintenanceStatus = v.picklist(['scheduled', 'in_progress', 'verifying', 'completed']);

const Time = v.optional(v.nullable(v.union([v.string(), v.number()])));
const Text = v.optional(v.nullable(v.string()));

const Summary = v.object({
  page: v.optional(v.unknown()),
  status: v.object({ indicator: v.unknown(), description: v.optional(v.unknown()) }),
  components: v.optional(v.unknown()),
  incidents: v.optional(v.unknown()),
  scheduled_maintenances: v.optional(v.unknown()),
});

const Page = v.object({ name: v.string(), url: Text });

const Component = v.object({
  name: v.string(),
  status: v.unknown(),
  group: v.optional(v.nullable(v.boolean())),
});

const Update = v.object({ display_at: Time, created_at: Time, updated_at: Time });

const Incident = v.object({
  id: Text,
  name: v.string(),
  status: v.string(),
  impact: v.optional(v.unknown()),
  shortlink: Text,
  started_at: Time,
  created_at: Time,
  updated_at: Time,
  incident_updates: v.optional(v.nullable(v.array(v.unknown()))),
});

const IncidentList = v.object({ incidents: v.array(v.unknown()) });

type Incident = v.InferOutput<typeof Incident>;

export const readStatuspage = guard('statuspage', (body, now, options, source) => {
  const json = parseJsonBody(body);
  if (!json.ok) return assemble({ base: 'unknown', baseReason: json.reason }, now, source);
  const doc = v.safeParse(Summary, json.value);
  if (!doc.success) {
    return assemble(
      { base: 'unknown', baseReason: `${REASON.format}: no status.indicator` },
      now,
      source,
    );
  }
  const summary = doc.output;

  const page = v.safeParse(Page, summary.page);
  if (options.pageName && !(page.success && pageNameMatches(page.output.name, options.pageName))) {
    const name = page.success ? quoteValue(page.output.name) : 'missing';
    return assemble(
      { base: 'unknown', baseReason: `${REASON.otherProduct}: page.name ${name}` },
      now,
      source,
    );
  }
  const pageUrl = options.page ?? (page.success ? (page.output.url ?? undefined) : undefined);

  const indicator = v.safeParse(Indicator, summary.status.indicator);
  const base: StatusLevel = indicator.success ? INDICATOR_LEVEL[indicator.output] : 'unknown';
  const baseReason = indicator.success
    ? null
    : `${REASON.format}: status.indicator ${quoteValue(summary.status.indicator)}`;

  const signals: KnownLevel[] = [];
  const doubts: string[] = [];

  // Components: each read on its own; one odd component does not spoil the others.
  const components: Array<{ name: string; level: StatusLevel }> = [];
  if (summary.components !== undefined) {
    if (!Array.isArray(summary.components)) doubts.push('components is not a list');
    else {
      for (const raw of summary.components) {
        const parsed = v.safeParse(Component, raw);
        if (!parsed.success) {
          doubts.push('a component is unreadable');
          continue;
        }
        const status = v.safeParse(ComponentStatus, parsed.output.status);
        const level = status.success ? COMPONENT_LEVEL[status.output] : 'unknown';
        if (level === 'unknown') {
          doubts.push(`component status ${quoteValue(parsed.output.status)}`);
        } else signals.push(level);
        components.push({ name: plainText(parsed.output.name, NAME_MAX), level });
      }
    }
  }
  const hinted = findByName(components, options.componentHint);

  const incidents: StatusIncident[] = [];
  readIncidents(summary.incidents, 'incidents', pageUrl, signals, doubts, incidents);
  readMaintenances(summary.scheduled_maintenances, pageUrl, signals, doubts, incidents);

  return assemble(
    {
      base,
      baseReason,
      signals,
      doubts,
      component: hinted,
      componentReason: hinted?.level === 'unknown' ? `${REASON.format}: component status` : null,
      incidents,
    },
    now,
    source,
  );
});

/**
 * The unresolved incidents of `/api/v2/incidents.json` (which lists resolved ones too), or
 * null when the document cannot be read. Used to fill in a summary that has none.
 */
export function readStatuspageIncidents(
  body: string,
  options: ReaderOptions = {},
): StatusIncident[] | null {
  try {
    const json = parseJsonBody(body);
    if (!json.ok) return null;
    const doc = v.safeParse(IncidentList, json.value);
    if (!doc.success) return null;
    const incidents: StatusIncident[] = [];
    readIncidents(doc.output.incidents, 'incidents', options.page, [], [], incidents);
    return newestFirst(incidents);
  } catch {
    return null;
  }
}

function readIncidents(
  list: unknown,
  what: string,
  pageUrl: string | undefined,
  signals: KnownLevel[],
  doubts: string[],
  out: StatusIncident[],
): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    doubts.push(`${what} is not a list`);
    return;
  }
  for (const raw of list) {
    const parsed = v.safeParse(Incident, raw);
    if (!parsed.success) {
      doubts.push('an incident is unreadable');
      continue;
    }
    const incident = parsed.output;
    const status = v.safeParse(IncidentStatus, incident.status);
    if (status.success && (status.output === 'resolved' || status.output === 'postmortem'))
      continue;
    // An unresolved incident whose impact cannot be read could be anything.
    const impact = v.safeParse(Impact, incident.impact);
    if (!impact.success) doubts.push(`incident impact ${quoteValue(incident.impact)}`);
    else if (impact.output !== 'none') signals.push(INDICATOR_LEVEL[impact.output]);
    out.push(toIncident(incident, incident.status, pageUrl));
  }
}

function readMaintenances(
  list: unknown,
  pageUrl: string | undefined,
  signals: KnownLevel[],
  doubts: string[],
  out: StatusIncident[],
): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    doubts.push('scheduled_maintenances is not a list');
    return;
  }
  for (const raw of list) {
    const parsed = v.safeParse(Incident, raw);
    if (!parsed.success) {
      doubts.push('a maintenance is unreadable');
      continue;
    }
    const status = v.safeParse(MaintenanceStatus, parsed.output.status);
    if (!status.success) {
      doubts.push(`maintenance status ${quoteValue(parsed.output.status)}`);
      continue;
    }
    if (status.output === 'scheduled' || status.output === 'completed') continue;
    signals.push('maintenance');
    out.push(toIncident(parsed.output, parsed.output.status.replace('_', ' '), pageUrl));
  }
}

function toIncident(
  incident: Incident,
  status: string,
  pageUrl: string | undefined,
): StatusIncident {
  let updatedAt = parseTime(incident.updated_at);
  for (const raw of incident.incident_updates ?? []) {
    const update = v.safeParse(Update, raw);
    if (!update.success) continue;
    const at =
      parseTime(update.output.display_at) ??
      parseTime(update.output.updated_at) ??
      parseTime(update.output.created_at);
    if (at !== null && (updatedAt === null || at > updatedAt)) updatedAt = at;
  }
  updatedAt ??= parseTime(incident.started_at) ?? parseTime(incident.created_at);
  const id =
    typeof incident.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(incident.id)
      ? incident.id
      : null;
  const url =
    safeUrl(incident.shortlink) ?? (id && pageUrl ? safeUrl(`incidents/${id}`, pageUrl) : null);
  return {
    title: plainText(incident.name, TITLE_MAX) || 'Untitled incident',
    status: plainText(status, STATUS_TEXT_MAX),
    updatedAt,
    url,
  };
}
