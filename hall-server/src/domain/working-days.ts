import { dayAfter, type WorkingCalendar } from '@hall/shared';

// Follow-up deadlines count working days: Monday to Friday, less the public holidays, plus the
// weekend days worked in their place (调休), as the hall's calendar lists them.

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `n`th working day after `date` (a local date, `YYYY-MM-DD`). */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar): string {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = dayAfter(day);
    if (isWorkingDay(day, calendar)) counted++;
  }
  return day;
}
