/**
 * Where the compact notice goes: a corner that keeps clear of the chat's composer (and its
 * send button), so a click meant for the composer never lands on the notice. Pure.
 */

export interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export interface NoticePlace {
  corner: 'top' | 'bottom';
  /** The most height the notice may take there before it scrolls, in px. */
  room: number;
}

/** The notice's margin from the window's edges, in px. */
export const NOTICE_MARGIN = 16;
/** The most the notice is meant to take before its fixes are opened, in px. */
export const NOTICE_HEIGHT = 220;
/** Its width: 360 px, or the window less the margins on a narrow screen. */
export function noticeWidth(viewportWidth: number): number {
  return Math.min(360, viewportWidth - 2 * NOTICE_MARGIN);
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The bottom-right corner when the composer is not in its way (or unknown), else the
 * top-right corner, with room down to the composer's top. The window is `width × height`.
 */
export function placeNotice(width: number, height: number, composer: Box | null): NoticePlace {
  const full = Math.max(0, height - 2 * NOTICE_MARGIN);
  const w = noticeWidth(width);
  const bottomCorner: Box = {
    left: width - NOTICE_MARGIN - w,
    right: width - NOTICE_MARGIN,
    top: height - NOTICE_MARGIN - NOTICE_HEIGHT,
    bottom: height - NOTICE_MARGIN,
  };
  const visible =
    composer !== null &&
    composer.bottom > composer.top &&
    composer.right > composer.left &&
    composer.bottom > 0 &&
    composer.top < height;
  if (!visible || !overlaps(bottomCorner, composer)) return { corner: 'bottom', room: full };
  // Docked at the top, the notice may grow down to just above the composer.
  const above = Math.floor(composer.top - 2 * NOTICE_MARGIN);
  return { corner: 'top', room: Math.max(NOTICE_HEIGHT, Math.min(full, above)) };
}
