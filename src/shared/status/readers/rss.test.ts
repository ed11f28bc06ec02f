import { describe, expect, it } from 'vitest';
import { BAD_BODIES } from '../fixtures/bad.ts';
import {
  atomDegraded,
  rss,
  rssDegraded,
  rssItem,
  rssMaintenance,
  rssMajorOutage,
  rssQuiet,
} from '../fixtures/others.ts';
import { NOW } from '../fixtures/statuspage.ts';
import { readRss } from './rss.ts';
import { feedItems, feedKind } from './xml.ts';

const options = { source: 'https://status.x.ai/feed.xml', page: 'https://status.x.ai' };

describe('readRss', () => {
  it('a feed with nothing recent and unresolved is unknown, never operational', () => {
    const reading = readRss(rssQuiet, NOW, options);
    expect(reading).toMatchObject({
      level: 'unknown',
      incidents: [],
      unknownReason: 'no current incident listed: no unresolved post in the last 6 hours',
      inferred: true,
    });
  });

  it('a recent unresolved post is a "degraded" hint with the post as its incident', () => {
    expect(readRss(rssDegraded, NOW, options)).toEqual({
      level: 'degraded',
      component: null,
      incidents: [
        {
          title: 'Elevated error rates in Grok',
          status: 'investigating',
          updatedAt: Date.UTC(2026, 10, 20, 11, 30),
          url: 'https://status.x.ai/incidents/grok1',
        },
      ],
      readAt: NOW,
      source: 'https://status.x.ai/feed.xml',
      unknownReason: null,
      inferred: true,
    });
  });

  it('an outage post is still only a hint: degraded, with every recent post listed', () => {
    const reading = readRss(rssMajorOutage, NOW, options);
    expect(reading.level).toBe('degraded');
    expect(reading.incidents.map((i) => [i.title, i.status])).toEqual([
      ['Grok is down', 'identified'],
      ['Image generation failing', 'monitoring'],
    ]);
  });

  it('a recent maintenance post is a maintenance hint', () => {
    expect(readRss(rssMaintenance, NOW, options)).toMatchObject({
      level: 'maintenance',
      incidents: [{ title: 'Scheduled maintenance on Grok', status: 'in progress' }],
    });
  });

  it('reads Atom, with Chinese resolved wording', () => {
    const reading = readRss(atomDegraded, NOW, { page: 'https://status.deepseek.com' });
    expect(reading.level).toBe('degraded');
    expect(reading.incidents).toEqual([
      {
        title: 'Web chat service degradation 网页对话服务异常',
        status: 'investigating',
        updatedAt: Date.UTC(2026, 10, 20, 11, 40),
        url: 'https://status.deepseek.com/incidents/1',
      },
    ]);
  });

  it('how recent counts is an option', () => {
    const older = rss([
      rssItem('Errors', 'Fri, 20 Nov 2026 02:00:00 +0000', 'Investigating - errors.'),
    ]);
    expect(readRss(older, NOW, { recentHours: 6 }).level).toBe('unknown');
    expect(readRss(older, NOW, { recentHours: 12 }).level).toBe('degraded');
  });

  it.each(BAD_BODIES)('%s is unknown', (_, body) => {
    const reading = readRss(body, NOW, options);
    expect(reading.level).toBe('unknown');
    expect(reading.unknownReason).toBeTruthy();
  });

  it('names an HTML page where a feed was expected', () => {
    expect(readRss('<!DOCTYPE html><html><body>hi</body></html>', NOW).unknownReason).toBe(
      'not an RSS or Atom feed: HTML page',
    );
  });

  it('an empty feed is unknown', () => {
    expect(readRss(rss([]), NOW).unknownReason).toBe(
      'no current incident listed: the feed is empty',
    );
  });

  it('odd dates are unknown: none readable, or far in the future', () => {
    const odd = rss([
      rssItem('Errors', '2026-13-45', 'Investigating.'),
      rssItem('Errors', 'yesterday', 'Investigating.'),
    ]);
    expect(readRss(odd, NOW).unknownReason).toBe(
      'unexpected format: no readable dates in the feed',
    );
    const future = rss([rssItem('Errors', 'Fri, 20 Nov 2099 11:00:00 +0000', 'Investigating.')]);
    expect(readRss(future, NOW).level).toBe('unknown');
  });

  it('tolerates broken markup: unclosed items, missing titles, junk between', () => {
    const broken = `<rss><channel><item><title>Chat errors<pubDate>Fri, 20 Nov 2026 11:30:00 +0000</pubDate>
      <item><pubDate>Fri, 20 Nov 2026 11:00:00 +0000</pubDate></item> <<<>>> &bogus; </channel>`;
    const reading = readRss(broken, NOW);
    expect(reading.level).toBe('degraded');
    expect(reading.incidents.map((i) => i.title)).toEqual(['Chat errors', 'Untitled post']);
  });

  it('never lets markup or unsafe links through', () => {
    const nasty = rss([
      rssItem(
        '&lt;script&gt;alert(1)&lt;/script&gt;<![CDATA[<b>Errors</b>]]>',
        'Fri, 20 Nov 2026 11:30:00 +0000',
        'Investigating',
        'javascript:alert(1)',
      ),
    ]);
    const incident = readRss(nasty, NOW).incidents[0];
    expect(incident?.title).toBe('alert(1) Errors');
    expect(incident?.url).toBeNull();
  });
});

describe('the feed scanner', () => {
  it('knows feeds by their root element only', () => {
    expect(feedKind('<?xml version="1.0"?><!-- hi --><rss version="2.0"></rss>')).toBe('rss');
    expect(feedKind('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe('atom');
    expect(feedKind('<rdf:RDF></rdf:RDF>')).toBe('rdf');
    expect(feedKind('<html><rss></rss></html>')).toBeNull();
    expect(feedKind('no markup')).toBeNull();
    expect(feedKind('<!-- never closed')).toBeNull();
  });

  it('reads RSS items and Atom entries', () => {
    expect(feedItems(rssDegraded)?.[0]).toMatchObject({
      title: 'Elevated error rates in Grok',
      link: 'https://status.x.ai/incidents/grok1',
      date: 'Fri, 20 Nov 2026 11:30:00 +0000',
    });
    expect(feedItems(atomDegraded)?.map((e) => e.link)).toEqual([
      'https://status.deepseek.com/incidents/1',
      'https://status.deepseek.com/incidents/0',
    ]);
  });

  it('stops at the item limit', () => {
    const many = rss(Array.from({ length: 80 }, (_, i) => rssItem(`#${i}`, 'x', 'y')));
    expect(feedItems(many, 50)).toHaveLength(50);
  });

  it('stays fast on hostile input', () => {
    const hostile = `<rss>${'<item><title>'.repeat(20_000)}${'<'.repeat(100_000)}`;
    const started = performance.now();
    readRss(hostile, NOW);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
