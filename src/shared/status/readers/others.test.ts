import { describe, expect, it } from 'vitest';
import { BAD_BODIES } from '../fixtures/bad.ts';
import {
  betterStackDegraded,
  betterStackMaintenance,
  betterStackMajorOutage,
  betterStackOperational,
  googleGeminiDegraded,
  googleGeminiOutage,
  googleIncident,
  googleNoGeminiIncident,
  instatusDegraded,
  instatusMaintenance,
  instatusMajorOutage,
  instatusOperational,
} from '../fixtures/others.ts';
import { NOW, summaryOperational } from '../fixtures/statuspage.ts';
import { readBetterStack } from './betterstack.ts';
import { readGoogleApps } from './google-apps.ts';
import { readInstatus } from './instatus.ts';

const json = (doc: unknown) => JSON.stringify(doc);
const copy = <T>(doc: T): T => structuredClone(doc);

describe('readInstatus', () => {
  const read = (doc: unknown) => readInstatus(json(doc), NOW, { source: 'instatus-test' });

  it('reads the four states of a real page', () => {
    expect(read(instatusOperational)).toMatchObject({ level: 'operational', incidents: [] });
    expect(read(instatusDegraded)).toMatchObject({
      level: 'degraded',
      incidents: [
        {
          title: 'Slow responses in chat',
          status: 'investigating',
          updatedAt: Date.parse('2026-11-20T11:20:00.000Z'),
          url: 'https://status.example.ai/cm3k9x1yz0001',
        },
      ],
    });
    const major = read(instatusMajorOutage);
    expect(major.level).toBe('major-outage');
    expect(major.incidents.map((i) => i.title)).toEqual(['Chat is down', 'Image uploads failing']);
    expect(read(instatusMaintenance)).toMatchObject({
      level: 'maintenance',
      incidents: [{ title: 'Database upgrade', status: 'in progress' }],
    });
  });

  it.each(BAD_BODIES)('%s is unknown', (_, body) => {
    const reading = readInstatus(body, NOW);
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toBeTruthy();
  });

  it('an unknown page status is unknown', () => {
    const doc = copy(instatusOperational);
    doc.page.status = 'ALLGOOD';
    expect(read(doc)).toMatchObject({
      level: 'unknown',
      unknownReason: 'unexpected format: page.status "ALLGOOD"',
    });
  });

  it('"up" with an incident of unknown impact is unknown, not operational', () => {
    const doc = copy(instatusOperational) as Record<string, unknown>;
    doc.activeIncidents = [{ name: 'Something', status: 'INVESTIGATING', impact: 'WEIRD' }];
    expect(read(doc).level).toBe('unknown');
  });

  it('"up" contradicted by a major incident is a major outage', () => {
    const doc = copy(instatusMajorOutage);
    doc.page.status = 'UP';
    expect(read(doc).level).toBe('major-outage');
  });

  it('a Statuspage document (switched format) is unknown', () => {
    expect(read(summaryOperational).level).toBe('unknown');
  });

  it('arrays where objects belong are unknown', () => {
    expect(read({ page: [instatusOperational.page] }).level).toBe('unknown');
    expect(read({ ...instatusOperational, activeIncidents: { a: 1 } }).level).toBe('unknown');
  });
});

describe('readBetterStack', () => {
  const options = { componentHint: ['HuggingChat'], page: 'https://status.huggingface.co' };
  const read = (doc: unknown) => readBetterStack(json(doc), NOW, options);

  it('reads an all-clear page, ignoring ended reports', () => {
    expect(read(betterStackOperational)).toMatchObject({
      level: 'operational',
      component: { name: 'HuggingChat', level: 'operational' },
      incidents: [],
      unknownReason: null,
    });
  });

  it('a resolved report is over, even a manual one that keeps ends_at null', () => {
    const doc = structuredClone(betterStackOperational);
    doc.included.push(
      {
        id: '7100',
        type: 'status_report',
        attributes: {
          title: 'Spaces Proxy returning 502 errors',
          report_type: 'manual',
          starts_at: '2026-11-20T09:00:00.000Z',
          ends_at: null,
          status_page_id: 148215,
          aggregate_state: 'resolved',
        },
      } as (typeof doc.included)[number],
      {
        id: '901',
        type: 'status_page_resource',
        attributes: { public_name: 'Inference Providers', status: 'not_monitored' },
      } as (typeof doc.included)[number],
    );
    expect(read(doc)).toMatchObject({ level: 'operational', incidents: [], unknownReason: null });
  });

  it('reads degraded, down and maintenance pages with their reports', () => {
    expect(read(betterStackDegraded)).toMatchObject({
      level: 'degraded',
      component: { name: 'HuggingChat', level: 'degraded' },
      incidents: [
        {
          title: 'HuggingChat responses are slow',
          status: 'ongoing',
          updatedAt: Date.parse('2026-11-20T11:30:00Z'),
          url: 'https://status.huggingface.co/',
        },
      ],
    });
    expect(read(betterStackMajorOutage)).toMatchObject({
      level: 'major-outage',
      component: { name: 'HuggingChat', level: 'major-outage' },
      incidents: [{ title: 'HuggingChat is down' }],
    });
    expect(read(betterStackMaintenance)).toMatchObject({
      level: 'maintenance',
      incidents: [{ title: 'Planned HuggingChat upgrade', status: 'maintenance' }],
    });
  });

  it.each(BAD_BODIES)('%s is unknown', (_, body) => {
    const reading = readBetterStack(body, NOW, options);
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toBeTruthy();
  });

  it('an unknown aggregate state is unknown', () => {
    const doc = copy(betterStackOperational);
    doc.data.attributes.aggregate_state = 'great';
    expect(read(doc)).toMatchObject({
      level: 'unknown',
      unknownReason: 'unexpected format: aggregate_state "great"',
    });
  });

  it('an all-clear page with a resource in an unknown state is unknown', () => {
    const doc = copy(betterStackOperational);
    const resource = doc.included.find((i) => i.type === 'status_page_resource');
    (resource?.attributes as { status: string }).status = 'paused';
    expect(read(doc).level).toBe('unknown');
  });

  it('an open report with unreadable dates keeps it from reading as operational', () => {
    const doc = copy(betterStackOperational);
    const report = doc.included.find((i) => i.type === 'status_report');
    (report?.attributes as { ends_at: string }).ends_at = '2026-13-45';
    const reading = read(doc);
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toMatch(/unreadable dates/);
  });

  it('data as an array (switched format) is unknown', () => {
    expect(read({ data: [betterStackOperational.data] }).level).toBe('unknown');
  });
});

describe('readGoogleApps', () => {
  const options = { product: 'Gemini', page: 'https://www.google.com/appsstatus/dashboard/' };
  const read = (doc: unknown, extra = {}) =>
    readGoogleApps(json(doc), NOW, { ...options, ...extra });

  it('no active Gemini incident is unknown (the list may not cover everything)', () => {
    const reading = read(googleNoGeminiIncident);
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toMatch(/^no current incident listed/);
    expect(reading.incidents).toEqual([]);
  });

  it('no active incident is operational only when told the list covers the product', () => {
    expect(read(googleNoGeminiIncident, { absenceMeansOperational: true }).level).toBe(
      'operational',
    );
  });

  it('reads an active Gemini disruption, ignoring other products', () => {
    const reading = read(googleGeminiDegraded);
    expect(reading.level).toBe('degraded');
    expect(reading.incidents).toEqual([
      {
        title: 'Some Gemini users see slow responses',
        status: 'information',
        updatedAt: Date.parse('2026-11-20T11:50:00+00:00'),
        url: 'https://www.google.com/appsstatus/dashboard/incidents/gemNow1',
      },
    ]);
  });

  it('takes the product by its exact name, never a product whose name contains it', () => {
    const doc = [
      googleIncident(
        'api',
        'Gemini API',
        'Gemini API errors',
        'SERVICE_OUTAGE',
        '2026-11-20T11:00:00+00:00',
        null,
        'SERVICE_OUTAGE',
      ),
    ];
    expect(read(doc).level).toBe('unknown');
    expect(read(doc).incidents).toEqual([]);
  });

  it('reads a Gemini outage with several incidents', () => {
    const reading = read(googleGeminiOutage);
    expect(reading.level).toBe('major-outage');
    expect(reading.incidents.map((i) => i.status)).toEqual(['outage', 'disruption']);
  });

  it('an incident whose latest word is "available" is over', () => {
    const doc = [
      googleIncident(
        'g',
        'Gemini',
        'Fixed',
        'SERVICE_OUTAGE',
        '2026-11-20T10:00:00+00:00',
        null,
        'AVAILABLE',
      ),
    ];
    expect(read(doc, { absenceMeansOperational: true }).level).toBe('operational');
  });

  it.each(BAD_BODIES)('%s is unknown', (_, body) => {
    const reading = readGoogleApps(body, NOW, options);
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toBeTruthy();
  });

  it('an active Gemini incident with an unknown impact is unknown', () => {
    const doc = [
      googleIncident('g', 'Gemini', 'Hmm', 'SERVICE_WOBBLE', '2026-11-20T10:00:00+00:00', null),
    ];
    const reading = read(doc, { absenceMeansOperational: true });
    expect(reading.level).toBe('unknown');
    expect(reading.incidents).toHaveLength(1);
  });

  it('an odd end date is unknown, not over', () => {
    const doc = [
      googleIncident(
        'g',
        'Gemini',
        'Odd',
        'SERVICE_OUTAGE',
        '2026-11-20T10:00:00+00:00',
        '2026-13-45',
      ),
    ];
    expect(read(doc, { absenceMeansOperational: true }).level).toBe('unknown');
  });

  it('an object instead of the list (switched format) is unknown', () => {
    expect(read({ incidents: googleGeminiOutage }).unknownReason).toBe(
      'unexpected format: expected a list of incidents',
    );
  });

  it('an old malformed entry does not spoil the reading', () => {
    const doc = [{ service_name: 'Gemini', end: '2026-01-01T00:00:00+00:00', external_desc: 7 }];
    expect(read(doc, { absenceMeansOperational: true }).level).toBe('operational');
  });

  it('without a product to look for, it is unknown', () => {
    expect(readGoogleApps(json(googleGeminiOutage), NOW).level).toBe('unknown');
  });
});
