import { describe, expect, it } from 'vitest';
import { NOTICE_HEIGHT, placeNotice } from './notice-place.ts';

/** A composer like the real sites': wide, centred, fixed at the bottom. */
const composer = (width: number, height: number) => {
  const w = Math.min(768, width - 32);
  const left = (width - w) / 2;
  return { left, right: left + w, top: height - 24 - 120, bottom: height - 24 };
};

describe('placeNotice', () => {
  it('docks at the top when a bottom-centre composer is in the bottom corner', () => {
    expect(placeNotice(1280, 800, composer(1280, 800))).toEqual({ corner: 'top', room: 624 });
    expect(placeNotice(360, 640, composer(360, 640)).corner).toBe('top');
  });

  it('stays at the bottom when the composer is elsewhere or unknown', () => {
    expect(placeNotice(1280, 800, null)).toEqual({ corner: 'bottom', room: 768 });
    // A narrow composer on the left of a wide window.
    expect(placeNotice(1920, 1000, { left: 0, right: 600, top: 850, bottom: 980 }).corner).toBe(
      'bottom',
    );
    // A composer scrolled out of view, or not laid out.
    expect(placeNotice(1280, 800, { left: 300, right: 1000, top: 900, bottom: 1000 }).corner).toBe(
      'bottom',
    );
    expect(placeNotice(1280, 800, { left: 0, right: 0, top: 0, bottom: 0 }).corner).toBe('bottom');
  });

  it('gives the top notice at least its compact height, even over a tall composer', () => {
    const tall = { left: 100, right: 1200, top: 150, bottom: 780 };
    expect(placeNotice(1280, 800, tall)).toEqual({ corner: 'top', room: NOTICE_HEIGHT });
  });
});
