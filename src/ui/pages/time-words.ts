/**
 * Ages ("3 minutes ago") and lengths ("2 min") in the browser's language, from Intl, which
 * knows each language's plurals: no catalogue message could.
 */
import { browser } from '~/shared/browser.ts';
import { t } from '~/shared/i18n.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function language(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** How long ago `at` was: "just now", "5 minutes ago", "yesterday"... */
export function ago(at: number, now: number): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE) return t('ageJustNow');
  const format = new Intl.RelativeTimeFormat(language(), { numeric: 'auto' });
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  return format.format(-Math.floor(elapsed / DAY), 'day');
}

/** A length of time: "45 sec", "2 min", "3 hr", "2 days" (long: "2 minutes"...). */
export function duration(ms: number, display: 'short' | 'long' = 'short'): string {
  const [value, unit] =
    ms < MINUTE
      ? [Math.max(1, Math.round(ms / 1000)), 'second']
      : ms < HOUR
        ? [Math.round(ms / MINUTE), 'minute']
        : ms < DAY
          ? [Math.round(ms / HOUR), 'hour']
          : [Math.round(ms / DAY), 'day'];
  return new Intl.NumberFormat(language(), {
    style: 'unit',
    unit: unit as string,
    unitDisplay: display,
  }).format(value as number);
}
