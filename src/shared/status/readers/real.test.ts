/**
 * Every reader against the real-format corpus in test/fixtures/real/: payloads in the exact
 * shapes the providers publish, each with the conclusion a person reading the page would
 * draw (see the README there for sources). The readers get each site's own configuration
 * from their adapters, so a wrong component name or product filter fails here too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../../../test/unit/status-of.ts';
import { adviceFromStatus, chatIncident, type StatusAdvice } from '../advice.ts';
import type { FetchedSource } from '../sources.ts';
import type { StatusLevel } from '../types.ts';
import { READERS, readStatuspageIncidents } from './index.ts';

const DIR = resolve(import.meta.dirname, '../../../../test/fixtures/real');
const body = (file: string) => readFileSync(resolve(DIR, file), 'utf8');
/** The moment every fixture was "read" at. */
const NOW = Date.parse('2026-11-20T12:00:00Z');

function sourceOf(siteId: string): FetchedSource {
  const source = statusOf(siteId);
  if (source.kind === 'link' || source.kind === 'none') throw new Error(siteId);
  return source;
}

function readAs(siteId: string, file: string) {
  const source = sourceOf(siteId);
  return READERS[source.kind](body(file), NOW, {
    ...source.options,
    source: source.url,
    page: source.page,
  });
}

interface Conclusion {
  /** What the whole page says now. */
  level: StatusLevel;
  /** The chat's component and its state, or null when the page has none documented. */
  component: { name: string; level: StatusLevel } | null;
  /** What the user is told about the chat: the component's level, else the page's. */
  shown: StatusLevel;
  /** The incident named beside the status (null: none on the chat). */
  incident: string | null;
  /** All unresolved incidents and maintenances listed, newest first. */
  listed: string[];
  advice: StatusAdvice;
}

const CASES: Array<[string, string, Conclusion]> = [
  [
    'claude',
    'statuspage-claude-summary-operational.json',
    {
      level: 'operational',
      component: { name: 'claude.ai', level: 'operational' },
      shown: 'operational',
      incident: null,
      listed: [],
      advice: 'local',
    },
  ],
  [
    'claude',
    'statuspage-claude-summary-console-incident.json',
    {
      // Minor indicator, claude.ai operational, a "major" incident on the Console only.
      level: 'degraded',
      component: { name: 'claude.ai', level: 'operational' },
      shown: 'operational',
      incident: null,
      listed: ['Elevated errors on Claude Console'],
      advice: null,
    },
  ],
  [
    'claude',
    'statuspage-claude-summary-chat-degraded.json',
    {
      // The incident peaked at "major" but claude.ai is degraded now: degraded it is.
      level: 'degraded',
      component: { name: 'claude.ai', level: 'degraded' },
      shown: 'degraded',
      incident: 'Elevated errors on claude.ai',
      listed: ['Elevated errors on claude.ai'],
      advice: 'service',
    },
  ],
  [
    'claude',
    'statuspage-claude-summary-chat-major.json',
    {
      level: 'major-outage',
      component: { name: 'claude.ai', level: 'major-outage' },
      shown: 'major-outage',
      incident: 'claude.ai unavailable for many users',
      listed: ['claude.ai unavailable for many users'],
      advice: 'service',
    },
  ],
  [
    'characterai',
    'statuspage-characterai-summary-maintenance.json',
    {
      level: 'maintenance',
      component: null,
      shown: 'maintenance',
      incident: 'Database upgrade',
      listed: ['Database upgrade'],
      advice: 'service',
    },
  ],
  [
    'characterai',
    'statuspage-characterai-summary-partial.json',
    {
      level: 'partial-outage',
      component: null,
      shown: 'partial-outage',
      incident: 'Some users cannot send messages',
      listed: ['Some users cannot send messages'],
      advice: 'service',
    },
  ],
  [
    'poe',
    'statuspage-poe-status.json',
    {
      level: 'operational',
      component: null,
      shown: 'operational',
      incident: null,
      listed: [],
      advice: 'local',
    },
  ],
  [
    'poe',
    'statuspage-poe-status-minor.json',
    {
      level: 'degraded',
      component: null,
      shown: 'degraded',
      incident: null,
      listed: [],
      advice: 'service',
    },
  ],
  [
    'chatgpt',
    'incidentio-openai-summary-operational.json',
    {
      level: 'operational',
      component: { name: 'Conversations', level: 'operational' },
      shown: 'operational',
      incident: null,
      listed: [],
      advice: 'local',
    },
  ],
  [
    'chatgpt',
    'incidentio-openai-summary-desktop-degraded.json',
    {
      // "Codex in ChatGPT Desktop" and "ChatGPT Atlas" are other products, not the chat.
      level: 'degraded',
      component: { name: 'Conversations', level: 'operational' },
      shown: 'operational',
      incident: null,
      listed: [],
      advice: null,
    },
  ],
  [
    'chatgpt',
    'incidentio-openai-summary-conversations-outage.json',
    {
      level: 'major-outage',
      component: { name: 'Conversations', level: 'major-outage' },
      shown: 'major-outage',
      incident: null,
      listed: [],
      advice: 'service',
    },
  ],
  [
    'chatgpt',
    'incidentio-openai-summary-no-conversations.json',
    {
      // The chat's component is missing from this capture: the page's indicator stands.
      level: 'degraded',
      component: null,
      shown: 'degraded',
      incident: null,
      listed: [],
      advice: 'service',
    },
  ],
  [
    'huggingchat',
    'betterstack-huggingface-index-operational.json',
    {
      // Resolved reports (one manual, still with ends_at null) and a resource that is not
      // monitored: all green.
      level: 'operational',
      component: null,
      shown: 'operational',
      incident: null,
      listed: [],
      advice: 'local',
    },
  ],
  [
    'huggingchat',
    'betterstack-huggingface-index-downtime.json',
    {
      level: 'major-outage',
      component: null,
      shown: 'major-outage',
      incident: 'Spaces unreachable',
      listed: ['Spaces unreachable'],
      advice: 'service',
    },
  ],
  [
    'huggingchat',
    'betterstack-huggingface-index-degraded.json',
    {
      level: 'degraded',
      component: null,
      shown: 'degraded',
      incident: 'Inference Endpoints UI slow',
      listed: ['Inference Endpoints UI slow'],
      advice: 'service',
    },
  ],
  [
    'huggingchat',
    'betterstack-huggingface-index-maintenance.json',
    {
      level: 'maintenance',
      component: null,
      shown: 'maintenance',
      incident: 'Hub database upgrade',
      listed: ['Hub database upgrade'],
      advice: 'service',
    },
  ],
  [
    'gemini',
    'google-workspace-incidents-active.json',
    {
      // Gemini's open disruption counts; Drive's does not, nor the mitigated side panel.
      level: 'partial-outage',
      component: null,
      shown: 'partial-outage',
      incident: 'Some users see errors when sending prompts in Gemini',
      listed: ['Some users see errors when sending prompts in Gemini'],
      advice: 'service',
    },
  ],
  [
    'gemini',
    'google-workspace-incidents-history.json',
    {
      // Only history: the dashboard may not list every problem of the app, so unknown.
      level: 'unknown',
      component: null,
      shown: 'unknown',
      incident: null,
      listed: [],
      advice: null,
    },
  ],
  [
    'deepseek',
    'rss-deepseek-feed-resolved.rss',
    {
      // The newest post ends "Status: resolved / 本次问题已解决": nothing open.
      level: 'unknown',
      component: null,
      shown: 'unknown',
      incident: null,
      listed: [],
      advice: null,
    },
  ],
  [
    'deepseek',
    'rss-deepseek-feed-ongoing.rss',
    {
      level: 'degraded',
      component: null,
      shown: 'degraded',
      incident: 'DeepSeek 网页对话异常 / DeepSeek web chat errors',
      listed: ['DeepSeek 网页对话异常 / DeepSeek web chat errors'],
      advice: 'service',
    },
  ],
  [
    'grok',
    'atom-statuspage-history.atom',
    {
      level: 'degraded',
      component: null,
      shown: 'degraded',
      incident: 'Elevated error rates on grok.com',
      listed: ['Elevated error rates on grok.com'],
      advice: 'service',
    },
  ],
  [
    'grok',
    'rss-statuspage-history.rss',
    {
      level: 'maintenance',
      component: null,
      shown: 'maintenance',
      incident: 'Scheduled maintenance of the chat backend',
      listed: ['Scheduled maintenance of the chat backend'],
      advice: 'service',
    },
  ],
];

describe('the real-format corpus', () => {
  it.each(CASES)('%s: %s', (siteId, file, want) => {
    const reading = readAs(siteId, file);
    expect({
      level: reading.level,
      component: reading.component,
      shown: reading.component?.level ?? reading.level,
      incident: chatIncident(reading)?.title ?? null,
      listed: reading.incidents.map((incident) => incident.title),
      advice: adviceFromStatus(reading),
    }).toEqual(want);
    if (reading.level !== 'unknown') expect(reading.unknownReason).toBeNull();
  });

  it('covers every fixture in the folder', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(DIR).filter((f) => f !== 'README.md');
    const used = new Set([
      ...CASES.map(([, file]) => file),
      ...INCIDENT_LISTS.map(([file]) => file),
      ...INSTATUS.map(([file]) => file),
    ]);
    expect(files.filter((file) => !used.has(file))).toEqual([]);
  });

  it('the README names every fixture with its source and conclusion', () => {
    const readme = body('README.md');
    for (const [, file] of CASES) expect(readme).toContain(`\`${file}\``);
    for (const [file] of [...INCIDENT_LISTS, ...INSTATUS]) {
      expect(readme).toContain(`\`${file}\``);
    }
  });
});

/** Instatus `/summary.json` (no site reads one today; Perplexity's page used to be one). */
const INSTATUS: Array<[string, StatusLevel, string[], StatusAdvice]> = [
  ['instatus-summary-up.json', 'operational', [], 'local'],
  [
    'instatus-summary-issues.json',
    'partial-outage',
    ['Answers fail to load for some users'],
    'service',
  ],
];

describe('Instatus', () => {
  it.each(INSTATUS)('%s', (file, level, listed, advice) => {
    const reading = READERS.instatus(body(file), NOW, { page: 'https://status.perplexity.com' });
    expect(reading.level).toBe(level);
    expect(reading.incidents.map((incident) => incident.title)).toEqual(listed);
    expect(adviceFromStatus(reading)).toBe(advice);
  });
});

/** `/api/v2/incidents.json`: the unresolved incidents only, marked when not the chat's. */
const INCIDENT_LISTS: Array<[string, string, Array<[string, boolean]>]> = [
  ['statuspage-claude-incidents.json', 'claude', [['Increased latency on Claude API', true]]],
  [
    'incidentio-openai-incidents.json',
    'chatgpt',
    [
      ['Elevated error rates in Conversations', false],
      ['Degraded performance in Codex in ChatGPT Desktop', true],
    ],
  ],
];

describe('incident lists', () => {
  it.each(INCIDENT_LISTS)('%s', (file, siteId, want) => {
    const source = sourceOf(siteId);
    const incidents = readStatuspageIncidents(body(file), {
      ...source.options,
      page: source.page,
    });
    expect(incidents?.map((i) => [i.title, i.elsewhere === true])).toEqual(want);
    for (const incident of incidents ?? []) expect(incident.url).toMatch(/^https:\/\//);
  });
});

/** Every path to a value in a JSON document. */
function pathsOf(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (typeof value === 'object' && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  }
  return here;
}

/** A copy of `doc` with the value at `path` replaced (the root when the path is empty). */
function replaced(doc: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

/** Anything but a word a provider could mean: odd strings, numbers, nulls, lists, objects. */
const ODD = fc.oneof(
  fc.string({ maxLength: 12 }).map((text) => `~${text}`),
  fc.integer(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
);

/** Raise with STATUS_FUZZ_RUNS for a long hunt, as in fuzz.test.ts. */
const RUNS = Number(process.env.STATUS_FUZZ_RUNS) || 150;

describe('the real-format corpus, damaged', () => {
  const jsonCases = CASES.filter(([, file]) => file.endsWith('.json'));

  it.each(jsonCases)('%s: %s cut short reads as unknown, never operational', (siteId, file) => {
    // Short of the closing bracket (a cut trailing newline leaves valid JSON).
    const text = body(file).trimEnd();
    const source = sourceOf(siteId);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        const damaged = READERS[source.kind](text.slice(0, cut), NOW, source.options);
        expect(damaged.level).toBe('unknown');
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it.each(jsonCases)(
    '%s: %s with any one value replaced never invents an all-clear',
    (siteId, file) => {
      const source = sourceOf(siteId);
      const doc = JSON.parse(body(file)) as unknown;
      const original = READERS[source.kind](JSON.stringify(doc), NOW, source.options);
      const paths = pathsOf(doc);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: paths.length - 1 }), ODD, (index, value) => {
          const damaged = JSON.stringify(replaced(doc, paths[index] ?? [], value));
          let reading: ReturnType<typeof READERS.statuspage> | undefined;
          expect(() => {
            reading = READERS[source.kind](damaged, NOW, source.options);
          }).not.toThrow();
          if (original.level !== 'operational') expect(reading?.level).not.toBe('operational');
        }),
        { numRuns: RUNS },
      );
    },
  );
});
