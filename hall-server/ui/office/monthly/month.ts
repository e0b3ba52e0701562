// Months as the office picks them (YYYY-MM, the hall's local calendar).
import { previousMonth } from '@hall/shared';

/**
 * Up to this day of a month the page opens on the month before: the 月度通报 is drawn up and
 * published in the first days after a month ends, when that month is complete; later on, the
 * month under way is what the office follows.
 */
export const PUBLISHING_DAYS = 10;

/** The month the page opens on, from the hall's local date. */
export function defaultMonth(today: string): string {
  const month = today.slice(0, 7);
  return Number(today.slice(8, 10)) <= PUBLISHING_DAYS ? previousMonth(month) : month;
}
