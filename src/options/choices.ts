/** The values the options' lists offer (a value set by an import is offered too). */
/** How long automatic recovery keeps checking, in minutes. */
export const RETRY_LIMIT_MINUTES_CHOICES = [30, 60, 120, 240, 480, 1440];
export const DRAFT_HOURS_CHOICES = [1, 6, 24, 72, 168];
export const HISTORY_DAYS_CHOICES = [1, 7, 30, 90];

/** The list with `current` in it, in order. */
export function withCurrent(choices: readonly number[], current: number): number[] {
  return [...new Set([...choices, current])].sort((a, b) => a - b);
}
