import { browser } from '~/shared/browser.ts';
import { type MessageKey, t } from '~/shared/i18n.ts';
import type { DayCell, ProblemKind, WeekTimeline } from './week-timeline.ts';

/**
 * A site's last seven days as seven small cells, oldest to today: a solid bar for the
 * problems the user ran into (taller for more), stripes for the status page's incidents, an
 * outline alone for a quiet day. Colour is never the only signal (bar, stripes, height), and
 * every cell, and the week as a whole, is also said in words for screen readers; the words
 * are the cell's tooltip too.
 */
export function WeekStrip({ week }: { week: WeekTimeline }) {
  const summary = t('popupWeekSummary', weekWords(week.met, week.status, null));
  const today = week.days.length - 1;
  return (
    <div class="pp-week" title={summary}>
      <span class="gg-visually-hidden">{summary}</span>
      <ol class="pp-week-days">
        {week.days.map((day, i) => {
          const words = dayWords(day, i === today);
          return (
            <li key={day.start} class="pp-week-day">
              <span class={cellClass(day, i === today)} title={words} aria-hidden="true" />
              <span class="gg-visually-hidden">{words}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The legend for every strip of the list: what a bar and stripes mean. */
export function WeekLegend() {
  return (
    <p class="pp-week-legend gg-muted">
      <span>{t('popupWeekLegend')}</span>
      <span class="pp-week-key">
        <span class="pp-week-cell pp-week-met-3" aria-hidden="true" />
        {t('popupWeekLegendMet')}
      </span>
      <span class="pp-week-key">
        <span class="pp-week-cell pp-week-status" aria-hidden="true" />
        {t('popupWeekLegendStatus')}
      </span>
    </p>
  );
}

function cellClass(day: DayCell, today: boolean): string {
  const classes = ['pp-week-cell'];
  // The bar grows with the day's count, up to three (beyond that, the words tell).
  if (day.met > 0) classes.push(`pp-week-met-${Math.min(day.met, 3)}`);
  if (day.status > 0) classes.push('pp-week-status');
  if (today) classes.push('pp-week-today');
  return classes.join(' ');
}

const KIND: Record<ProblemKind, MessageKey> = {
  http: 'popupWeekKindHttp',
  network: 'popupWeekKindNetwork',
  page: 'popupWeekKindPage',
};

/** "Tuesday, 10 June: 2 problems you ran into (worst: network error), ..." */
export function dayWords(day: DayCell, today: boolean): string {
  const name = today ? t('popupWeekToday') : dayName(day.start);
  return t('popupWeekDay', [name, weekWords(day.met, day.status, day.worst)]);
}

/** What a day (or the week) held, in words: "no problems" when it held nothing. */
function weekWords(met: number, status: number, worst: ProblemKind | null): string {
  if (met === 0 && status === 0) return t('popupWeekNone');
  const count = (one: MessageKey, other: MessageKey, n: number) =>
    t(plural(n) === 'one' ? one : other, String(n));
  let mine = met > 0 ? count('popupWeekMetOne', 'popupWeekMetOther', met) : '';
  if (mine && worst) mine = t('popupWeekWorst', [mine, t(KIND[worst])]);
  const page = status > 0 ? count('popupWeekStatusOne', 'popupWeekStatusOther', status) : '';
  return mine && page ? t('popupWeekBoth', [mine, page]) : mine || page;
}

function language(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** Each language's plural rule picks the message: a catalogue alone cannot. */
function plural(n: number): Intl.LDMLPluralRule {
  try {
    return new Intl.PluralRules(language()).select(n);
  } catch {
    return n === 1 ? 'one' : 'other';
  }
}

/** The day as the user's language writes it: "Tuesday, June 10", "6月10日火曜日". */
function dayName(at: number): string {
  try {
    return new Intl.DateTimeFormat(language(), {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
    }).format(at);
  } catch {
    return new Date(at).toDateString();
  }
}
