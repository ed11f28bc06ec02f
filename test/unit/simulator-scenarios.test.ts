/**
 * The outage simulator's scenarios (scripts/simulator/scenarios.ts) are data: each must be
 * well formed, fail first and end healthy, and the long outage must heal after a few minutes.
 */
import { describe, expect, it } from 'vitest';
import {
  phaseAt,
  phaseSeconds,
  SCENARIOS,
  secondsToHealed,
  secondsToLastPhase,
} from '../../scripts/simulator/scenarios.ts';

describe('outage simulator scenarios', () => {
  it('have unique ids and cover every kind of failure the issue names', () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const kinds = new Set(SCENARIOS.flatMap((s) => s.phases.map((p) => p.site.kind)));
    for (const kind of ['html-error', 'empty-error', 'reset', 'chat-breaks'] as const) {
      expect(kinds).toContain(kind);
    }
    expect(SCENARIOS.some((s) => s.phases.some((p) => p.status === 'major-outage'))).toBe(true);
    const empty503 = SCENARIOS.flatMap((s) => s.phases).find(
      (p) => p.site.kind === 'empty-error' && p.site.status === 503,
    );
    expect(empty503?.site).toMatchObject({ retryAfterS: expect.any(Number) });
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s is well formed', (_id, scenario) => {
    const { phases } = scenario;
    expect(phases.length).toBeGreaterThanOrEqual(2);
    expect(scenario.path).toMatch(/^\//);
    expect(scenario.expect).toContain('back');
    // It fails first, and every phase but the last has a length in both modes.
    expect(phases[0]?.site.kind).not.toBe('healthy');
    for (const phase of phases.slice(0, -1)) {
      expect(phase.forS).toBeGreaterThan(0);
      expect(phase.quickForS).toBeGreaterThan(0);
      expect(phase.quickForS).toBeLessThanOrEqual(phase.forS ?? 0);
    }
    // The last phase lasts until the end and is all clear: the site and its status page.
    const last = phases[phases.length - 1];
    expect(last?.forS).toBeUndefined();
    expect(last?.site.kind).toBe('healthy');
    expect(last?.status).toBe('operational');
    // Once healed, it stays healed.
    const healedAt = secondsToHealed(scenario, false);
    expect(healedAt).toBeGreaterThan(0);
    expect(healedAt).toBeLessThanOrEqual(secondsToLastPhase(scenario, false));
    expect(phaseAt(scenario, healedAt, false).phase.site.kind).toBe('healthy');
    expect(phaseAt(scenario, 1e6, false).index).toBe(phases.length - 1);
  });

  it('has a long outage that heals after a few minutes (and in well under a minute when quick)', () => {
    const long = SCENARIOS.find((s) => s.id === 'long-outage');
    if (!long) throw new Error('no long-outage scenario');
    const healedAt = secondsToHealed(long, false);
    expect(healedAt).toBeGreaterThanOrEqual(120);
    expect(healedAt).toBeLessThanOrEqual(300);
    expect(phaseAt(long, healedAt - 1, false).phase.site.kind).not.toBe('healthy');
    expect(phaseAt(long, healedAt, false).phase.site.kind).toBe('healthy');
    expect(secondsToHealed(long, true)).toBeLessThan(60);
  });

  it('keeps the quick run of every scenario short', () => {
    const total = SCENARIOS.reduce((sum, s) => sum + secondsToLastPhase(s, true), 0);
    expect(total).toBeLessThan(120);
    for (const s of SCENARIOS) {
      expect(s.phases.every((p) => phaseSeconds(p, true) <= phaseSeconds(p, false))).toBe(true);
    }
  });
});
