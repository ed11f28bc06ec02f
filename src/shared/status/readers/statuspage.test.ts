import { describe, expect, it } from 'vitest';
import { BAD_BODIES } from '../fixtures/bad.ts';
import {
  incidentIoSummary,
  incidentsList,
  NOW,
  statusJson,
  summaryDegraded,
  summaryMaintenance,
  summaryMajorOutage,
  summaryOperational,
} from '../fixtures/statuspage.ts';
import { readStatuspage, readStatuspageIncidents } from './statuspage.ts';

const claude = {
  componentHint: ['claude.ai'],
  source: 'https://status.claude.com/api/v2/summary.json',
};
const read = (doc: unknown, options: Parameters<typeof readStatuspage>[2] = claude) =>
  readStatuspage(JSON.stringify(doc), NOW, options);

/** A deep copy to break. */
const copy = <T>(doc: T): T => structuredClone(doc);

/** The item a test means to change (the fixtures have it). */
function at<T>(list: T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`fixture has no item ${index}`);
  return item;
}

describe('readStatuspage: the current state decides', () => {
  const page = { name: 'Claude', url: 'https://status.claude.com' };
  const component = (name: string, status: string) => ({ id: name, name, status });
  const incident = (impact: string, on: string[]) => ({
    id: 'abc123',
    name: 'Elevated errors',
    status: 'identified',
    impact,
    started_at: '2026-11-20T11:00:00Z',
    components: on.map((name) => component(name, 'partial_outage')),
  });

  it('an incident that peaked at critical does not outrank a degraded indicator', () => {
    const reading = read({
      page,
      status: { indicator: 'minor' },
      components: [component('claude.ai', 'degraded_performance')],
      incidents: [incident('critical', ['claude.ai'])],
    });
    expect(reading.level).toBe('degraded');
    expect(reading.component?.level).toBe('degraded');
    expect(reading.incidents[0]?.elsewhere).toBeUndefined();
  });

  it('an incident on another component is marked as elsewhere', () => {
    const reading = read({
      page,
      status: { indicator: 'minor' },
      components: [
        component('claude.ai', 'operational'),
        component('Claude Code', 'partial_outage'),
      ],
      incidents: [incident('major', ['Claude Code'])],
    });
    expect(reading.level).toBe('degraded');
    expect(reading.component).toEqual({ name: 'claude.ai', level: 'operational' });
    expect(reading.incidents[0]?.elsewhere).toBe(true);
  });

  it('an incident that names no components counts as the chat’s', () => {
    const reading = read({
      page,
      status: { indicator: 'minor' },
      components: [component('claude.ai', 'operational')],
      incidents: [incident('minor', [])],
    });
    expect(reading.incidents[0]?.elsewhere).toBeUndefined();
  });

  it('maintenance in progress on another component is not maintenance of the chat', () => {
    const maintenance = {
      ...incident('maintenance', ['Claude Console (platform.claude.com)']),
      status: 'in_progress',
    };
    const reading = read({
      page,
      status: { indicator: 'none' },
      components: [component('claude.ai', 'operational')],
      scheduled_maintenances: [maintenance],
    });
    expect(reading.level).toBe('operational');
    expect(reading.incidents[0]?.elsewhere).toBe(true);
  });

  it('an all-clear indicator never hides a component that is down', () => {
    const reading = read({
      page,
      status: { indicator: 'none' },
      components: [component('claude.ai', 'operational'), component('Claude Code', 'major_outage')],
    });
    expect(reading.level).toBe('major-outage');
  });
});

describe('readStatuspage: real shapes', () => {
  it('reads an all-clear page', () => {
    expect(read(summaryOperational)).toEqual({
      level: 'operational',
      component: { name: 'claude.ai', level: 'operational' },
      incidents: [],
      readAt: NOW,
      source: 'https://status.claude.com/api/v2/summary.json',
      unknownReason: null,
      inferred: false,
    });
  });

  it('reads a degraded page with its incident', () => {
    const reading = read(summaryDegraded);
    expect(reading.level).toBe('degraded');
    expect(reading.component).toEqual({ name: 'claude.ai', level: 'degraded' });
    expect(reading.incidents).toEqual([
      {
        title: 'Elevated errors on claude.ai',
        status: 'investigating',
        updatedAt: Date.parse('2026-11-20T11:41:07.220Z'),
        url: 'https://stspg.io/f3kq1l',
      },
    ]);
  });

  it('reads a major outage, incidents newest first', () => {
    const reading = read(summaryMajorOutage);
    expect(reading.level).toBe('major-outage');
    expect(reading.component).toEqual({ name: 'claude.ai', level: 'major-outage' });
    expect(reading.incidents.map((i) => [i.title, i.status])).toEqual([
      ['claude.ai unavailable for most users', 'identified'],
      ['Elevated API error rates', 'monitoring'],
    ]);
    expect(reading.incidents[0]?.updatedAt).toBe(Date.parse('2026-11-20T11:52:00.000Z'));
  });

  it('reads maintenance in progress, leaving out maintenance still to come', () => {
    const reading = read(summaryMaintenance);
    expect(reading.level).toBe('maintenance');
    expect(reading.component).toEqual({ name: 'claude.ai', level: 'maintenance' });
    expect(reading.incidents.map((i) => [i.title, i.status])).toEqual([
      ['Scheduled database maintenance', 'in progress'],
    ]);
  });

  it("reads incident.io's compatible copy: no incidents, full_outage, the hinted component", () => {
    const reading = read(incidentIoSummary, { componentHint: ['Conversations'] });
    // The page's own indicator says minor: an API component's full outage does not make the
    // whole page (nor the chat) a major outage.
    expect(reading.level).toBe('degraded');
    expect(reading.component).toEqual({ name: 'Conversations', level: 'degraded' });
    expect(reading.incidents).toEqual([]);
    expect(reading.unknownReason).toBeNull();
  });

  it('reads status.json (page and status only) and checks whose page it is', () => {
    expect(read(statusJson('Poe'), { pageName: ['Poe'] }).level).toBe('operational');
    const other = read(statusJson('Clash Royale Status'), { pageName: ['Poe'] });
    expect(other.level).toBe('unknown');
    expect(other.unknownReason).toBe(
      'status page belongs to another product: page.name "Clash Royale Status"',
    );
    const nameless = copy(statusJson('Poe')) as { page?: unknown };
    delete nameless.page;
    expect(read(nameless, { pageName: ['Poe'] }).level).toBe('unknown');
  });

  it('builds incident links from the page when there is no shortlink', () => {
    const doc = copy(summaryDegraded);
    (doc.incidents[0] as { shortlink: unknown }).shortlink = 'javascript:alert(1)';
    const reading = read(doc, { page: 'https://status.claude.com' });
    expect(reading.incidents[0]?.url).toBe('https://status.claude.com/incidents/f3kq1l0n7mzr');
  });

  it('shows titles as plain, bounded text', () => {
    const doc = copy(summaryDegraded);
    at(doc.incidents, 0).name =
      `<img src=x onerror=alert(1)>Errors\u202E on <b>claude.ai</b> ${'!'.repeat(500)}`;
    const title = read(doc).incidents[0]?.title ?? '';
    expect(title.startsWith('Errors on claude.ai !!!')).toBe(true);
    expect(title).not.toMatch(/[<>\u202E]/);
    expect(title.length).toBeLessThanOrEqual(200);
  });
});

describe('readStatuspage: anything unexpected is unknown, never a false operational', () => {
  it.each(BAD_BODIES)('%s', (_, body) => {
    const reading = readStatuspage(body, NOW, claude);
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toBeTruthy();
  });

  it('names HTML where JSON was expected', () => {
    expect(readStatuspage('<!doctype html><html></html>', NOW).unknownReason).toBe(
      'not JSON: HTML page',
    );
  });

  it('an unknown indicator is unknown', () => {
    const doc = copy(summaryOperational);
    doc.status.indicator = 'amber';
    const reading = read(doc);
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toBe('unexpected format: status.indicator "amber"');
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['a number', 0],
    ['an array', ['none']],
    ['upper case', 'NONE'],
  ])('an indicator that is %s is unknown', (_, value) => {
    const doc = copy(summaryOperational) as Record<string, unknown>;
    doc.status = { indicator: value };
    expect(read(doc).level).toBe('unknown');
  });

  it.each([
    ['status missing', (d: Record<string, unknown>) => delete d.status],
    ['status null', (d: Record<string, unknown>) => (d.status = null)],
    ['status an array', (d: Record<string, unknown>) => (d.status = [{ indicator: 'none' }])],
    ['status a string', (d: Record<string, unknown>) => (d.status = 'none')],
  ])('%s is unknown', (_, change) => {
    const doc = copy(summaryOperational) as Record<string, unknown>;
    change(doc);
    expect(read(doc).level).toBe('unknown');
  });

  it('an all-clear indicator with a component in an unknown state is unknown', () => {
    const doc = copy(summaryOperational);
    at(doc.components, 2).status = 'degraded_capacity';
    const reading = read(doc);
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toMatch(/component status "degraded_capacity"/);
    // The chat's own component is still read.
    expect(reading.component).toEqual({ name: 'claude.ai', level: 'operational' });
  });

  it('an unknown state of the chat component makes the component unknown', () => {
    const doc = copy(summaryDegraded);
    at(doc.components, 0).status = 'sideways';
    const reading = read(doc);
    expect(reading.level).toBe('degraded');
    expect(reading.component).toEqual({ name: 'claude.ai', level: 'unknown' });
    expect(reading.unknownReason).toMatch(/component status/);
  });

  it('an all-clear indicator contradicted by a component is not operational', () => {
    const doc = copy(summaryOperational);
    at(doc.components, 0).status = 'partial_outage';
    expect(read(doc).level).toBe('partial-outage');
  });

  it.each([
    ['components is an object', (d: Record<string, unknown>) => (d.components = { a: 1 })],
    ['incidents is a string', (d: Record<string, unknown>) => (d.incidents = 'none')],
    ['an incident is a number', (d: Record<string, unknown>) => (d.incidents = [7])],
    [
      'an incident lacks its impact',
      (d: Record<string, unknown>) => (d.incidents = [{ name: 'x', status: 'investigating' }]),
    ],
    [
      'an incident has an unknown impact',
      (d: Record<string, unknown>) =>
        (d.incidents = [{ name: 'x', status: 'investigating', impact: 'catastrophic' }]),
    ],
    [
      'a maintenance has an unknown status',
      (d: Record<string, unknown>) =>
        (d.scheduled_maintenances = [{ name: 'x', status: 'ongoing', impact: 'maintenance' }]),
    ],
    [
      'a component lacks its name',
      (d: Record<string, unknown>) => (d.components = [{ status: 'operational' }]),
    ],
  ])('an all-clear indicator with %s is unknown', (_, change) => {
    const doc = copy(summaryOperational) as Record<string, unknown>;
    change(doc);
    const reading = read(doc);
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toMatch(/^unexpected format: operational, but /);
  });

  it('odd dates leave the date out, not the incident', () => {
    const doc = copy(summaryDegraded);
    const incident = at(doc.incidents, 0);
    incident.updated_at = '2026-13-45';
    incident.started_at = 'yesterday';
    incident.created_at = 'soon';
    for (const update of incident.incident_updates) {
      update.display_at = '2026-02-30T10:00:00Z';
      update.created_at = 'Fri, 32 Nov 2026 11:30:00 +0000';
      update.updated_at = '1';
    }
    const reading = read(doc);
    expect(reading.level).toBe('degraded');
    expect(reading.incidents[0]).toMatchObject({
      title: 'Elevated errors on claude.ai',
      updatedAt: null,
    });
  });

  it('reads epoch-number dates', () => {
    const doc = copy(summaryDegraded) as unknown as {
      incidents: Array<{ updated_at: unknown; incident_updates: unknown[] }>;
    };
    at(doc.incidents, 0).updated_at = NOW / 1000 - 60;
    at(doc.incidents, 0).incident_updates = [];
    expect(read(doc).incidents[0]?.updatedAt).toBe(NOW - 60_000);
  });

  it('nulls where lists or objects belong do not hide an outage', () => {
    const doc = copy(summaryMajorOutage) as Record<string, unknown>;
    doc.components = null;
    doc.page = null;
    const reading = read(doc);
    expect(reading.level).toBe('major-outage');
    expect(reading.component).toBeNull();
  });

  it('a provider that switched format (Instatus) is unknown', () => {
    const reading = read({ page: { name: 'Claude', status: 'UP' }, activeIncidents: [] });
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toBe('unexpected format: no status.indicator');
  });
});

describe('readStatuspageIncidents', () => {
  it('keeps the unresolved incidents of incidents.json', () => {
    expect(
      readStatuspageIncidents(JSON.stringify(incidentsList), { page: 'https://status.openai.com' }),
    ).toEqual([
      {
        title: 'Increased latency in ChatGPT',
        status: 'investigating',
        updatedAt: Date.parse('2026-11-20T11:50:00.000Z'),
        url: 'https://stspg.io/01JXAC',
      },
    ]);
  });

  it('gives null for anything that is not an incident list', () => {
    expect(readStatuspageIncidents('<html></html>')).toBeNull();
    expect(readStatuspageIncidents('{"incidents": {}}')).toBeNull();
    expect(readStatuspageIncidents('[]')).toBeNull();
  });
});
