import { dayAfter, type DutyRole, type RosterEntry, type Shift, type Weekday } from '@hall/shared';

// The duty roster as the admin page lays it out: a week from Monday, a day's lines by role and
// shift, and whether a day keeps the weekly pattern or has its own.

/** ISO weekday of a date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return String(day === 0 ? 7 : day) as Weekday;
}

/** The seven dates, Monday to Sunday, of the week `date` falls in. */
export function weekOf(date: string): string[] {
  let monday = date;
  for (let back = Number(isoWeekday(date)) - 1; back > 0; back -= 1) {
    monday = new Date(Date.parse(`${monday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }
  const days = [monday];
  while (days.length < 7) days.push(dayAfter(days[days.length - 1]!));
  return days;
}

/** The same week one week on (+1) or back (-1). */
export function weekAfter(monday: string, by: -1 | 1): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) + by * 7 * 86_400_000).toISOString().slice(0, 10);
}

/** The roster's slots in the order a day is read: the captain (one, the whole day), then the guides by shift. */
export const slots = [
  { role: 'captain', shift: 'all_day', label: 'admin.roster.slot.captain.all_day' },
  { role: 'guide', shift: 'all_day', label: 'admin.roster.slot.guide.all_day' },
  { role: 'guide', shift: 'morning', label: 'admin.roster.slot.guide.morning' },
  { role: 'guide', shift: 'afternoon', label: 'admin.roster.slot.guide.afternoon' },
] as const satisfies readonly { role: DutyRole; shift: Shift; label: string }[];

export const inSlot = (entries: readonly RosterEntry[], role: DutyRole, shift: Shift) =>
  entries.filter((entry) => entry.role === role && entry.shift === shift).map((entry) => entry.staffNo);

/** The roster with the person put in or taken out of one slot; a day has one captain, so a new one takes the place. */
export function toggleEntry(entries: readonly RosterEntry[], entry: RosterEntry): RosterEntry[] {
  const same = (e: RosterEntry) => e.role === entry.role && e.shift === entry.shift && e.staffNo === entry.staffNo;
  if (entries.some(same)) return entries.filter((e) => !same(e));
  const others = entry.role === 'captain' ? entries.filter((e) => e.role !== 'captain') : entries;
  return [...others, entry];
}

/** Two rosters naming the same people in the same slots, whatever their order. */
export function sameRoster(a: readonly RosterEntry[], b: readonly RosterEntry[]): boolean {
  const key = (e: RosterEntry) => `${e.role}/${e.shift}/${e.staffNo}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}
