import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '~/shared/history.ts';
import type { StatusReading } from '~/shared/status/types.ts';
import type { SiteAdapter } from '~/sites/index.ts';
import { SiteStatuses } from './SiteStatuses.tsx';
import { WeekStrip } from './WeekStrip.tsx';
import { weekTimeline } from './week-timeline.ts';

let mount: HTMLElement;
afterEach(() => {
  act(() => render(null, mount));
  mount.remove();
});

function show(node: preact.ComponentChild) {
  mount = document.createElement('div');
  document.body.append(mount);
  act(() => render(node, mount));
}

/** Tuesday 10 June 2025, 18:00 local time. */
const NOW = new Date(2025, 5, 10, 18).getTime();
const at = (day: number, hour: number) => new Date(2025, 5, day, hour).getTime();

function entry(day: number, hour: number, over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    siteId: 'chatgpt',
    kind: 'http',
    code: 502,
    startedAt: at(day, hour),
    endedAt: at(day, hour) + 120_000,
    count: 1,
    ended: 'recovered',
    ...over,
  };
}

function reading(updatedAt: number | null): StatusReading {
  return {
    level: 'partial-outage',
    component: null,
    incidents: [
      { title: 'Elevated errors', status: 'investigating', updatedAt, url: null },
      // On another component: not the chat's trouble, not drawn.
      { title: 'API latency', status: 'monitoring', updatedAt, url: null, elsewhere: true },
    ],
    readAt: NOW - 60_000,
    source: 'https://status.openai.com/api/v2/summary.json',
    unknownReason: null,
    inferred: false,
  };
}

const HISTORY = [
  entry(10, 9, { kind: 'network', code: null }),
  entry(10, 11),
  entry(7, 14, { kind: 'page', code: null }),
  entry(1, 12), // older than the week
  entry(9, 12, { siteId: 'claude' }),
];

function cells() {
  return [...mount.querySelectorAll('.pp-week-day')].map((li) => ({
    look: li.querySelector('.pp-week-cell')?.className ?? '',
    words: li.querySelector('.gg-visually-hidden')?.textContent ?? '',
    tip: li.querySelector('.pp-week-cell')?.getAttribute('title') ?? '',
    hidden: li.querySelector('.pp-week-cell')?.getAttribute('aria-hidden'),
  }));
}

describe('WeekStrip', () => {
  it('draws seven cells, oldest to today, each by what its day held', () => {
    show(<WeekStrip week={weekTimeline('chatgpt', HISTORY, reading(at(9, 8)), NOW)} />);
    const looks = cells().map((cell) => cell.look);
    expect(looks).toEqual([
      'pp-week-cell', // 4 June
      'pp-week-cell',
      'pp-week-cell',
      'pp-week-cell pp-week-met-1', // 7 June: a notice
      'pp-week-cell',
      'pp-week-cell pp-week-status', // 9 June: the status page's incident began by then
      'pp-week-cell pp-week-met-2 pp-week-status pp-week-today',
    ]);
  });

  it('caps the bar at three and says the true count in words', () => {
    const many = [8, 9, 10, 11, 12].map((hour) => entry(10, hour));
    show(<WeekStrip week={weekTimeline('chatgpt', many, null, NOW)} />);
    const today = cells()[6];
    expect(today?.look).toContain('pp-week-met-3');
    expect(today?.words).toBe('Today: 5 problems you ran into (worst: HTTP error)');
  });

  it('says every day in words, for screen readers and as its tooltip', () => {
    show(<WeekStrip week={weekTimeline('chatgpt', HISTORY, reading(at(9, 8)), NOW)} />);
    const all = cells();
    expect(all.map((cell) => cell.words)).toEqual([
      'Wednesday, June 4: no problems',
      'Thursday, June 5: no problems',
      'Friday, June 6: no problems',
      'Saturday, June 7: 1 problem you ran into (worst: error notice on the page)',
      'Sunday, June 8: no problems',
      'Monday, June 9: 1 incident on the status page',
      'Today: 2 problems you ran into (worst: network error); 1 incident on the status page',
    ]);
    for (const cell of all) {
      expect(cell.tip).toBe(cell.words);
      // The picture is not read out on top of its words.
      expect(cell.hidden).toBe('true');
    }
  });

  it('sums up the week, counting distinct incidents', () => {
    show(<WeekStrip week={weekTimeline('chatgpt', HISTORY, reading(at(9, 8)), NOW)} />);
    const strip = mount.querySelector('.pp-week');
    const summary = 'Last 7 days: 3 problems you ran into; 1 incident on the status page';
    expect(strip?.querySelector(':scope > .gg-visually-hidden')?.textContent).toBe(summary);
    expect(strip?.getAttribute('title')).toBe(summary);
    expect(strip?.querySelector('ol')).not.toBeNull();
  });

  it('says a quiet week, and a week with only one kind, in words', () => {
    show(<WeekStrip week={weekTimeline('chatgpt', [], null, NOW)} />);
    expect(mount.querySelector('.pp-week')?.getAttribute('title')).toBe('Last 7 days: no problems');
    expect(cells()[6]?.words).toBe('Today: no problems');
    act(() =>
      render(<WeekStrip week={weekTimeline('chatgpt', [entry(10, 9)], null, NOW)} />, mount),
    );
    expect(mount.querySelector('.pp-week')?.getAttribute('title')).toBe(
      'Last 7 days: 1 problem you ran into',
    );
    act(() => render(<WeekStrip week={weekTimeline('chatgpt', [], reading(null), NOW)} />, mount));
    expect(mount.querySelector('.pp-week')?.getAttribute('title')).toBe(
      'Last 7 days: 1 incident on the status page',
    );
  });
});

describe('SiteStatuses: the week of each site', () => {
  const sites = [
    { id: 'chatgpt', name: 'ChatGPT', status: { page: 'https://status.openai.com/' } },
    { id: 'claude', name: 'Claude' },
  ] as unknown as SiteAdapter[];

  it('draws a strip beside each site, with the legend, once both sources are in', () => {
    show(
      <SiteStatuses
        sites={sites}
        readings={{ chatgpt: reading(at(9, 8)) }}
        history={HISTORY}
        now={NOW}
      />,
    );
    const rows = [...mount.querySelectorAll('.pp-status')];
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.querySelectorAll('.pp-week-cell').length)).toEqual([7, 7]);
    expect(rows.map((row) => row.querySelector('.pp-week')?.getAttribute('title'))).toEqual([
      'Last 7 days: 3 problems you ran into; 1 incident on the status page',
      'Last 7 days: 1 problem you ran into',
    ]);
    // Read after the site's name and status: the row's words stay in that order.
    expect([...(rows[0]?.children ?? [])].map((child) => child.className)).toEqual([
      'pp-status-site',
      'pp-status-line',
      'pp-week',
    ]);
    const legend = mount.querySelector('.pp-week-legend')?.textContent;
    expect(legend).toBe('Last 7 days:problems you ran intostatus page incidents');
  });

  it('draws no week while the history or the status pages are still being read', () => {
    show(<SiteStatuses sites={sites} readings={null} history={HISTORY} now={NOW} />);
    expect(mount.querySelectorAll('.pp-status')).toHaveLength(2);
    expect(mount.querySelector('.pp-week')).toBeNull();
    expect(mount.querySelector('.pp-week-legend')).toBeNull();
    act(() => render(<SiteStatuses sites={sites} readings={{}} history={null} now={NOW} />, mount));
    expect(mount.querySelector('.pp-week')).toBeNull();
  });

  it('draws no legend when every site is turned off', () => {
    show(<SiteStatuses sites={[]} readings={{}} history={[]} now={NOW} />);
    expect(mount.querySelector('.pp-week-legend')).toBeNull();
    expect(mount.textContent).toContain('Every site is turned off in the settings.');
  });
});
