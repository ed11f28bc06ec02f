/** The real-browser bench's statistics: summaries and how finely a ratio is known. */
import { describe, expect, it } from 'vitest';
import { ratioInterval, summarize } from '../../bench/browser/stats.ts';

const runs = (center: number, spread: number) =>
  Array.from({ length: 20 }, (_, i) => center + ((i * 7) % 20) * (spread / 20) - spread / 2);

describe('the bench statistics', () => {
  it('summarizes by nearest rank, leaving out what was not measured', () => {
    const s = summarize([5, 1, Number.NaN, 3, 2, 4]);
    expect(s).toEqual({ n: 5, median: 3, p95: 5, min: 1, max: 5 });
  });

  it('gives two browsers that are the same an interval around 1', () => {
    const [low, high] = ratioInterval(runs(200, 60), runs(200, 60));
    expect(low).toBeLessThan(1);
    expect(high).toBeGreaterThan(1);
  });

  it('gives a 20 % slower browser an interval around 1.2, narrower with less spread', () => {
    const wide = ratioInterval(runs(240, 80), runs(200, 80));
    const narrow = ratioInterval(runs(240, 8), runs(200, 8));
    for (const [low, high] of [wide, narrow]) {
      expect(low).toBeLessThan(1.2);
      expect(high).toBeGreaterThan(1.2);
    }
    expect(narrow[1] - narrow[0]).toBeLessThan(wide[1] - wide[0]);
  });

  it('is the same each time for the same runs', () => {
    expect(ratioInterval(runs(240, 80), runs(200, 80))).toEqual(
      ratioInterval(runs(240, 80), runs(200, 80)),
    );
  });

  it('has no interval without runs', () => {
    expect(ratioInterval([], [1, 2])).toEqual([Number.NaN, Number.NaN]);
  });
});
