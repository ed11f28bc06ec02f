/**
 * Property-based tests: thousands of random and mutated documents fed to every reader.
 * Each must give a well-formed reading without throwing, and must never say "operational"
 * unless the document really says so.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  atomDegraded,
  betterStackDegraded,
  betterStackMaintenance,
  betterStackMajorOutage,
  betterStackOperational,
  googleGeminiDegraded,
  googleGeminiOutage,
  googleNoGeminiIncident,
  instatusDegraded,
  instatusMaintenance,
  instatusMajorOutage,
  instatusOperational,
  rssDegraded,
  rssMaintenance,
  rssMajorOutage,
  rssQuiet,
} from '../fixtures/others.ts';
import {
  incidentIoSummary,
  NOW,
  statusJson,
  summaryDegraded,
  summaryMaintenance,
  summaryMajorOutage,
  summaryOperational,
} from '../fixtures/statuspage.ts';
import {
  INCIDENTS_MAX,
  NAME_MAX,
  type ReaderOptions,
  STATUS_LEVELS,
  STATUS_TEXT_MAX,
  type StatusReader,
  type StatusReading,
  TITLE_MAX,
} from '../types.ts';
import { readBetterStack } from './betterstack.ts';
import { readGoogleApps } from './google-apps.ts';
import { readInstatus } from './instatus.ts';
import { readRss } from './rss.ts';
import { readStatuspage } from './statuspage.ts';

/** Raise with STATUS_FUZZ_RUNS=20000 for a long hunt; the default keeps the suite quick. */
const RUNS = Number(process.env.STATUS_FUZZ_RUNS) || 400;
vi.setConfig({ testTimeout: Math.max(5_000, RUNS * 5) });

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/;

/** A reading that keeps every promise of the type, whatever the input. */
function expectWellFormed(reading: StatusReading) {
  expect(STATUS_LEVELS).toContain(reading.level);
  expect(reading.readAt).toBe(NOW);
  expect(typeof reading.source).toBe('string');
  expect(typeof reading.inferred).toBe('boolean');
  if (reading.level === 'unknown') expect(reading.unknownReason).toBeTruthy();
  if (reading.component) {
    expect(STATUS_LEVELS).toContain(reading.component.level);
    expect(reading.component.name.length).toBeLessThanOrEqual(NAME_MAX);
    expect(reading.component.name).not.toMatch(INVISIBLE);
  }
  expect(reading.incidents.length).toBeLessThanOrEqual(INCIDENTS_MAX);
  for (const incident of reading.incidents) {
    expect(incident.title.length).toBeGreaterThan(0);
    expect(incident.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(incident.status.length).toBeLessThanOrEqual(STATUS_TEXT_MAX);
    expect(incident.title).not.toMatch(INVISIBLE);
    expect(incident.status).not.toMatch(INVISIBLE);
    expect(incident.title).not.toMatch(/<[a-z/!]/i);
    if (incident.updatedAt !== null) expect(Number.isFinite(incident.updatedAt)).toBe(true);
    if (incident.url !== null) expect(incident.url.startsWith('https://')).toBe(true);
  }
}

/** Runs a reader; a throw fails the property with the input attached. */
function run(reader: StatusReader, body: string, options?: ReaderOptions): StatusReading {
  const reading = reader(body, NOW, options);
  expectWellFormed(reading);
  return reading;
}

// Structural mutations of JSON documents.

interface Mutation {
  path: number[];
  op: number;
  value: unknown;
}

const ODD_VALUES = [
  '2026-13-45',
  'none',
  'NONE',
  'operational',
  'UP',
  '',
  ' ',
  'null',
  '<b>x</b>',
  '\u202Eevil',
  -1,
  0,
  1e308,
  true,
  [],
  {},
  null,
];

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(), { maxLength: 6 }),
  op: fc.nat({ max: 9 }),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...ODD_VALUES)),
});

type Json = Record<string, unknown> | unknown[];

/** Applies one mutation at a pseudo-random place (the path picks keys by index). */
function mutate(doc: unknown, m: Mutation): unknown {
  let parent: Json | null = null;
  let key: string | number | null = null;
  let node: unknown = doc;
  for (const step of m.path) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[step % keys.length] as string;
    parent = node as Json;
    key = Array.isArray(node) ? Number(k) : k;
    node = (node as Record<string, unknown>)[k];
  }
  const replacement = (() => {
    switch (m.op) {
      case 1:
        return m.value;
      case 2:
        return null;
      case 3:
        return [node];
      case 4:
        return String(node);
      case 5:
        return typeof node === 'string' ? `${node.toUpperCase()}x` : m.value;
      case 6:
        return typeof node === 'number' ? String(node) : Number(node);
      case 7:
        return Array.isArray(node) ? [...node, ...node] : { wrapped: node };
      case 8:
        return {};
      default:
        return '2026-13-45';
    }
  })();
  if (parent === null || key === null) return m.op === 0 ? undefined : replacement;
  if (m.op === 0) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key as string];
  } else if (Array.isArray(parent)) parent[Number(key)] = replacement;
  else parent[key as string] = replacement;
  return doc;
}

function mutated(fixtures: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 5 }))
    .map(([fixture, mutations]) =>
      mutations.reduce<unknown>((doc, m) => mutate(doc, m), structuredClone(fixture)),
    );
}

const get = (doc: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object'
        ? (node as Record<string, unknown>)[key]
        : undefined,
    doc,
  );

/** Bodies that are not documents at all. */
const junk: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value).slice(0, -1)),
);

describe.each<[string, StatusReader, ReaderOptions]>([
  ['statuspage', readStatuspage, { componentHint: ['claude.ai'] }],
  ['instatus', readInstatus, {}],
  ['betterstack', readBetterStack, { componentHint: ['HuggingChat'] }],
  ['google-apps', readGoogleApps, { product: 'Gemini', absenceMeansOperational: true }],
  ['rss', readRss, {}],
])('%s reader on random bodies', (_, reader, options) => {
  it('never throws and always gives a well-formed reading', () => {
    fc.assert(
      fc.property(junk, (body) => {
        run(reader, body, options);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('mutated documents', () => {
  it('statuspage: operational only for a real all-clear document', () => {
    const fixtures = [
      summaryOperational,
      summaryDegraded,
      summaryMajorOutage,
      summaryMaintenance,
      incidentIoSummary,
      statusJson('Poe'),
    ];
    fc.assert(
      fc.property(mutated(fixtures), (doc) => {
        const reading = run(readStatuspage, JSON.stringify(doc) ?? '', {
          componentHint: ['claude.ai', 'Conversations'],
        });
        if (reading.level !== 'operational') return;
        // The page's own word must be exactly "none"...
        expect(get(doc, 'status', 'indicator')).toBe('none');
        // ...and nothing in the document may contradict it.
        const components = get(doc, 'components');
        if (Array.isArray(components)) {
          for (const c of components) expect(get(c, 'status')).toBe('operational');
        }
        const incidents = get(doc, 'incidents');
        if (Array.isArray(incidents)) {
          for (const i of incidents) {
            const status = get(i, 'status');
            if (status !== 'resolved' && status !== 'postmortem')
              expect(get(i, 'impact')).toBe('none');
          }
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('statuspage: an indicator that is not exactly "none" never reads as operational', () => {
    const indicator = fc.oneof(
      fc.constantFrom('None', 'NONE', ' none', 'none ', 'operational', 'ok', 'green', 'minor'),
      fc.jsonValue({ maxDepth: 1 }),
    );
    fc.assert(
      fc.property(mutated([summaryOperational]), indicator, (doc, value) => {
        if (value === 'none') return;
        const broken = { ...(doc as object), status: { indicator: value } };
        expect(run(readStatuspage, JSON.stringify(broken)).level).not.toBe('operational');
      }),
      { numRuns: RUNS },
    );
  });

  it('instatus: operational only when the page says "UP" and no incident says otherwise', () => {
    const fixtures = [
      instatusOperational,
      instatusDegraded,
      instatusMajorOutage,
      instatusMaintenance,
    ];
    fc.assert(
      fc.property(mutated(fixtures), (doc) => {
        const reading = run(readInstatus, JSON.stringify(doc) ?? '');
        if (reading.level !== 'operational') return;
        expect(get(doc, 'page', 'status')).toBe('UP');
        const incidents = get(doc, 'activeIncidents');
        if (Array.isArray(incidents)) {
          for (const i of incidents) {
            if (get(i, 'status') !== 'RESOLVED') expect(get(i, 'impact')).toBe('OPERATIONAL');
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('betterstack: operational only when the aggregate state says so', () => {
    const fixtures = [
      betterStackOperational,
      betterStackDegraded,
      betterStackMajorOutage,
      betterStackMaintenance,
    ];
    fc.assert(
      fc.property(mutated(fixtures), (doc) => {
        const reading = run(readBetterStack, JSON.stringify(doc) ?? '', {
          componentHint: ['HuggingChat'],
        });
        if (reading.level !== 'operational') return;
        expect(get(doc, 'data', 'attributes', 'aggregate_state')).toBe('operational');
        const included = get(doc, 'included');
        if (Array.isArray(included)) {
          for (const item of included) {
            if (get(item, 'type') === 'status_page_resource') {
              expect(get(item, 'attributes', 'status')).toBe('operational');
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('google-apps: never operational unless told the list covers the product, and then only with no open incident', () => {
    const fixtures = [googleNoGeminiIncident, googleGeminiDegraded, googleGeminiOutage];
    fc.assert(
      fc.property(mutated(fixtures), fc.boolean(), (doc, trusted) => {
        const reading = run(readGoogleApps, JSON.stringify(doc) ?? '', {
          product: 'Gemini',
          absenceMeansOperational: trusted,
        });
        if (reading.level !== 'operational') return;
        expect(trusted).toBe(true);
        expect(Array.isArray(doc)).toBe(true);
        // An entry is Gemini's when its service or one of its affected products is named
        // Gemini exactly (case and spacing aside): "GEMINIx" or "Gemini API" is another one.
        const isGemini = (name: unknown) =>
          typeof name === 'string' && name.trim().replace(/\s+/g, ' ').toLowerCase() === 'gemini';
        for (const entry of doc as unknown[]) {
          const products = get(entry, 'affected_products');
          const mentions =
            isGemini(get(entry, 'service_name')) ||
            (Array.isArray(products) && products.some((p) => isGemini(get(p, 'title'))));
          if (!mentions) continue;
          const end = get(entry, 'end');
          const open = end === undefined || end === null || end === '';
          if (open) expect(get(entry, 'most_recent_update', 'status')).toBe('AVAILABLE');
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('mutated feeds', () => {
  const TOKENS = [
    '<item>',
    '</item>',
    '<entry>',
    '</entry>',
    '<title>',
    '</title>',
    '<pubDate>',
    '</pubDate>',
    '<updated>',
    '<link href="javascript:alert(1)"/>',
    '<![CDATA[',
    ']]>',
    '&amp;',
    '&#0;',
    '&#xD800;',
    '&#1114112;',
    '\u0000',
    '\u202E',
    'resolved',
    'maintenance',
    '2026-11-20T11:30:00Z',
    'Fri, 20 Nov 2026 11:30:00 +0000',
    '2026-13-45',
    '<rss>',
    '<feed>',
    '<!--',
    '<?xml',
  ];
  const edit = fc.record({
    at: fc.nat(),
    cut: fc.nat({ max: 60 }),
    insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 20 })),
  });

  it('never throw, never read as operational', () => {
    const feeds = [rssQuiet, rssDegraded, rssMajorOutage, rssMaintenance, atomDegraded];
    fc.assert(
      fc.property(
        fc.constantFrom(...feeds),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        (feed, edits) => {
          let body = feed;
          for (const e of edits) {
            const at = e.at % (body.length + 1);
            body = body.slice(0, at) + e.insert + body.slice(at + e.cut);
          }
          const reading = run(readRss, body, { page: 'https://status.x.ai' });
          expect(reading.level).not.toBe('operational');
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('random token soup never throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), {
          maxLength: 60,
        }),
        (parts) => {
          const reading = run(readRss, `<rss><channel>${parts.join('')}`);
          expect(reading.level).not.toBe('operational');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
