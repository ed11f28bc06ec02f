/**
 * Atlassian Statuspage v2 (`/api/v2/summary.json`, `/api/v2/status.json`) and incident.io's
 * Statuspage-compatible copy of it, which has the same shape but may leave out `incidents`
 * and name a component state `full_outage`. Also reads `/api/v2/incidents.json` for the
 * incident list alone (incident.io pages keep incidents there).
 *
 * What the user is told comes from the current state: the page's `status.indicator` and the
 * chat component's `status`. An incident's `impact` is the worst the incident ever reached
 * (and often concerns another component), so it is context and never raises the level.
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
  sameName,
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
  /** The components the incident affects, when the page names them. */
  components: v.optional(v.nullable(v.unknown())),
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
  const componentSignals: KnownLevel[] = [];
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
        } else componentSignals.push(level);
        components.push({ name: plainText(parsed.output.name, NAME_MAX), level });
      }
    }
  }
  // The page's indicator is its current word for the whole page. Components only speak
  // for the page when the indicator says all is well and a component says otherwise: a
  // stale or odd indicator must never hide a listed outage.
  if (base === 'operational') signals.push(...componentSignals);
  const hinted = findByName(components, options.componentHint);

  const incidents: StatusIncident[] = [];
  const chatName = hinted?.name ?? null;
  readIncidents(summary.incidents, 'incidents', pageUrl, chatName, doubts, incidents);
  readMaintenances(summary.scheduled_maintenances, pageUrl, chatName, signals, doubts, incidents);

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
    const chat = options.componentHint?.find((name) => name.trim() !== '') ?? null;
    readIncidents(doc.output.incidents, 'incidents', options.page, chat, [], incidents);
    return newestFirst(incidents);
  } catch {
    return null;
  }
}

/**
 * The unresolved incidents, each marked `elsewhere` when it names the components it affects
 * and `chatName` (the chat's component) is not one of them. Impacts are not signals.
 */
function readIncidents(
  list: unknown,
  what: string,
  pageUrl: string | undefined,
  chatName: string | null,
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
    // An impact that cannot be read means the format changed under us: say so.
    const impact = v.safeParse(Impact, incident.impact);
    if (!impact.success) doubts.push(`incident impact ${quoteValue(incident.impact)}`);
    out.push(toIncident(incident, incident.status, pageUrl, chatName));
  }
}

function readMaintenances(
  list: unknown,
  pageUrl: string | undefined,
  chatName: string | null,
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
    const maintenance = toIncident(
      parsed.output,
      parsed.output.status.replace('_', ' '),
      pageUrl,
      chatName,
    );
    // Maintenance in progress is a current state, unless it is on another component.
    if (!maintenance.elsewhere) signals.push('maintenance');
    out.push(maintenance);
  }
}

/** The names of the components an incident lists, or null when it lists none. */
function affectedNames(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const names = value
    .map((item: unknown) =>
      typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : null,
    )
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  return names.length > 0 ? names : null;
}

function toIncident(
  incident: Incident,
  status: string,
  pageUrl: string | undefined,
  chatName: string | null,
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
  const affected = affectedNames(incident.components);
  const elsewhere =
    chatName !== null && affected !== null && !affected.some((name) => sameName(name, chatName));
  return {
    title: plainText(incident.name, TITLE_MAX) || 'Untitled incident',
    status: plainText(status, STATUS_TEXT_MAX),
    updatedAt,
    url,
    ...(elsewhere ? { elsewhere: true } : {}),
  };
}
