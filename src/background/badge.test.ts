import { describe, expect, it } from 'vitest';
import { contrastRatio } from '~/shared/contrast.ts';
import { BADGE_BACKGROUND, BADGE_TEXT } from './badge.ts';

describe('badge colours', () => {
  it('keeps white text on the badge readable (WCAG AA, 4.5:1 or more)', () => {
    expect(contrastRatio(BADGE_TEXT, BADGE_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  it('measures contrast the WCAG way', () => {
    expect(contrastRatio('#FFFFFF', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // A brighter red a badge might drift to would fail: the test can tell them apart.
    expect(contrastRatio('#FFFFFF', '#E53935')).toBeLessThan(4.5);
  });
});
