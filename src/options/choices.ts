/** The values the options' lists offer (a value set by an import is offered too). */
export const ATTEMPT_CHOICES = [1, 2, 3, 5, 8, 12, 20];
export const WAIT_SECONDS_CHOICES = [15, 30, 60, 120, 300, 600];
export const DRAFT_HOURS_CHOICES = [1, 6, 24, 72, 168];
export const HISTORY_DAYS_CHOICES = [1, 7, 30, 90];

/** The list with `current` in it, in order. */
export function withCurrent(choices: readonly number[], current: number): number[] {
  return [...new Set([...choices, current])].sort((a, b) => a - b);
}
