/**
 * `npm run bench`: recovery after simulated outages. Prints, for each set of 1,000 outages,
 * the median and p90 lag after the site heals, the share given up, and the requests each
 * way of checking costs the site; then the ratios to Chromium's own auto-reload. Nothing
 * here fails on figures: the unit tests hold the policy to its goals.
 */
import { bench, describe } from 'vitest';
import {
  CHROMIUM,
  fixed,
  gatewayGuard,
  logScale,
  OLD_POLICY,
  PERSON_30S,
  REFRESH_5S,
  type Strategy,
  type Summary,
  simulate,
  TYPICAL_STATUS,
} from './recovery-sim.ts';

const GG = gatewayGuard('Gateway Guard');
const GG_STATUS = gatewayGuard('Gateway Guard + status page', undefined, TYPICAL_STATUS);
const STRATEGIES: Strategy[] = [GG, GG_STATUS, OLD_POLICY, CHROMIUM, REFRESH_5S, PERSON_30S];

const SETS: Array<[string, number[]]> = [
  ['10 s', fixed(10)],
  ['30 s', fixed(30)],
  ['1 min', fixed(60)],
  ['2 min', fixed(120)],
  ['5 min', fixed(300)],
  ['15 min', fixed(900)],
  ['60 min', fixed(3600)],
  ['log 10 s–2 h', logScale()],
];

const seconds = (value: number | null) => (value === null ? '—' : `${Math.round(value)} s`);

function row(set: string, name: string, s: Summary): string {
  return [
    set.padEnd(13),
    name.padEnd(34),
    seconds(s.median).padStart(8),
    seconds(s.p90).padStart(8),
    `${Math.round(s.gaveUp * 100)} %`.padStart(7),
    s.requestsPerOutage.toFixed(1).padStart(9),
    s.lateRate.toFixed(2).padStart(10),
  ].join(' | ');
}

function table(): string {
  const lines = [
    [
      'outages'.padEnd(13),
      'policy'.padEnd(34),
      'median'.padStart(8),
      'p90'.padStart(8),
      'gave up'.padStart(7),
      'req/outage'.padStart(9),
      'req/min >2m'.padStart(10),
    ].join(' | '),
  ];
  const results = new Map<string, Summary>();
  for (const [set, lengths] of SETS) {
    for (const strategy of STRATEGIES) {
      const summary = simulate(strategy, lengths);
      results.set(`${set}/${strategy.name}`, summary);
      lines.push(row(set, strategy.name, summary));
    }
  }
  const log = 'log 10 s–2 h';
  const chromium = results.get(`${log}/${CHROMIUM.name}`);
  for (const strategy of [GG, GG_STATUS]) {
    const ours = results.get(`${log}/${strategy.name}`);
    if (!ours || !chromium || !ours.median || !ours.p90 || !chromium.median || !chromium.p90)
      continue;
    lines.push(
      `${strategy.name} vs Chromium on the log-scale set: median lag ${(chromium.median / ours.median).toFixed(1)}x shorter, p90 ${(chromium.p90 / ours.p90).toFixed(1)}x shorter, ${(ours.requestsPerOutage / chromium.requestsPerOutage).toFixed(1)}x the requests`,
    );
  }
  return lines.join('\n');
}

describe('recovery after simulated outages (1,000 each)', () => {
  console.log(`\n${table()}\n`);
  const lengths = logScale(10, 7200, 100);
  bench('Gateway Guard policy, 100 outages simulated', () => {
    simulate(GG, lengths);
  });
});
