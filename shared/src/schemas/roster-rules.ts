import type { RosterEntry, Staff } from './hall';

// The rules of a roster, a day's own (PUT /api/roster/:date) and each weekday's usual one
// (settings.dutyWeek) alike: known, active people in a duty role they hold, one duty captain for
// the whole day, nobody twice in the same place.

export interface RosterProblem {
  /** The entry at fault; null for the roster as a whole. */
  index: number | null;
  message: string;
}

export function rosterProblems(entries: readonly RosterEntry[], staff: readonly Staff[]): RosterProblem[] {
  const problems: RosterProblem[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const problem = (message: string) => problems.push({ index, message: `${entry.staffNo}: ${message}` });
    const person = staff.find((s) => s.staffNo === entry.staffNo);
    if (!person) problem('unknown staff');
    else if (!person.roles.includes(entry.role)) problem(`not a ${entry.role}`);
    else if (!person.active) problem('has left the hall');
    if (entry.role === 'captain' && entry.shift !== 'all_day') problem('the duty captain serves the whole day');
    const key = `${entry.shift}/${entry.role}/${entry.staffNo}`;
    if (seen.has(key)) problem('listed twice');
    seen.add(key);
  });
  if (entries.filter((e) => e.role === 'captain').length > 1) problems.push({ index: null, message: 'one duty captain a day' });
  return problems;
}
