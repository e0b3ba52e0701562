import type { DepartmentLeaderDuty, HallSettings, LeaderRole, LeaderRoleCompliance } from '@hall/shared';

// Whether each department's leaders keep their sittings (领导值班): the head once every
// `headEveryMonths`, a deputy once every `deputyEveryMonths` (HallSettings.leaderDuty). The next
// sitting is due the same day of the month that many months after the last (the month's last day
// when it has fewer days); a role with none recorded is overdue.

/** `date` (YYYY-MM-DD) plus `months`, kept within the month it lands in. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

function roleStanding(lastVisit: string | null, everyMonths: number, asOf: string): LeaderRoleCompliance {
  if (lastVisit === null) return { lastVisit: null, dueBy: null, overdue: true };
  const dueBy = addMonths(lastVisit, everyMonths);
  return { lastVisit, dueBy, overdue: asOf > dueBy };
}

/** The last sitting (date) of each department's head and deputies, on or before `asOf`. */
export type LastSittings = ReadonlyMap<string, Partial<Record<LeaderRole, string>>>;

/** Every department's standing on `asOf` (a local date). */
export function leaderDutyStanding(departments: readonly string[], last: LastSittings, rule: HallSettings['leaderDuty'], asOf: string): DepartmentLeaderDuty[] {
  return departments.map((department) => {
    const sittings = last.get(department) ?? {};
    return {
      department,
      head: roleStanding(sittings.head ?? null, rule.headEveryMonths, asOf),
      deputy: roleStanding(sittings.deputy ?? null, rule.deputyEveryMonths, asOf),
    };
  });
}
