import type { RosterEntry, StaffRole, Weekday } from '@hall/shared';
import { clockToMinutes, localMinuteOfDay, rosterProblems } from '@hall/shared';
import { begin } from './begin';
import { DomainError } from './errors';
import type { Outcome } from './outcome';
import { staffMember } from './state';
import type { CommandContext, HallState } from './types';

// The duty roster: one 值班长 for the day, 导服员 by shift; and the hall screen's notice. Both
// are changed by the center's managers (duty captains and administrators).

/** Only a duty captain or an administrator (active) may change what the office keeps. */
export function requireManager(state: HallState, staffNo: string): void {
  const staff = staffMember(state, staffNo);
  const roles: readonly StaffRole[] = staff?.active ? staff.roles : [];
  if (!roles.includes('captain') && !roles.includes('admin')) throw new DomainError('FORBIDDEN', { staffNo });
}

/** A day's roster is set from a year back (a correction on record) to two years ahead (ISO dates compare as text). */
function dateProblem(date: string, today: string): string | null {
  const year = Number(today.slice(0, 4));
  const from = `${year - 1}${today.slice(4)}`;
  const to = `${year + 2}${today.slice(4)}`;
  return date < from || date > to ? `${date}: a roster is set from a year back to two years ahead` : null;
}

export function changeRoster(
  state: HallState,
  command: { date: string; entries: readonly RosterEntry[]; by: string },
  ctx: CommandContext,
): Outcome<readonly RosterEntry[]> {
  const draft = begin(state, ctx);
  requireManager(draft.state, command.by);
  const tooFar = dateProblem(command.date, draft.serviceDate);
  const problems = [...(tooFar === null ? [] : [tooFar]), ...rosterProblems(command.entries, draft.state.setup.staff).map((p) => p.message)];
  if (problems.length > 0) throw new DomainError('ROSTER_INVALID', { problems });
  draft.emit({ type: 'roster.changed', at: ctx.now, serviceDate: draft.serviceDate, date: command.date, staffNo: command.by });
  return draft.done(command.entries);
}

export function changeNotice(state: HallState, command: { text: string; by: string }, ctx: CommandContext): Outcome<string> {
  const draft = begin(state, ctx);
  requireManager(draft.state, command.by);
  draft.state = { ...draft.state, notice: command.text };
  draft.emit({ type: 'notice.changed', at: ctx.now, serviceDate: draft.serviceDate, text: command.text, staffNo: command.by });
  return draft.done(command.text);
}

/** A day's roster: its own if it was given one, else the usual one of its weekday. */
export function rosterOf(state: HallState, date: string, own: readonly RosterEntry[] | null): readonly RosterEntry[] {
  if (own !== null) return own;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return state.setup.settings.dutyWeek[String(weekday) as Weekday] ?? [];
}

export interface OnDuty {
  captain: string | null;
  guides: string[];
}

/** Who is on duty at `now`, from the day's roster: the captain all day, guides in their shift. */
export function onDuty(state: HallState, entries: readonly RosterEntry[], now: number): OnDuty {
  const { timezone, shifts } = state.setup.settings;
  const minute = localMinuteOfDay(now, timezone);
  const inShift = (shift: RosterEntry['shift']) =>
    shift === 'all_day' || (minute >= clockToMinutes(shifts[shift].start) && minute < clockToMinutes(shifts[shift].end));
  return {
    captain: entries.find((e) => e.role === 'captain')?.staffNo ?? null,
    guides: entries.filter((e) => e.role === 'guide' && inShift(e.shift)).map((e) => e.staffNo),
  };
}
