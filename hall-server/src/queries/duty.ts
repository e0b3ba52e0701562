import { DutyRole, type Duty, type DutyPeopleReply, type RosterReply } from '@hall/shared';
import * as domain from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import { staffOrNumber } from '../services/views';

// Who is on duty: the duty roster by date, today's 值班长 and guides, the hall screen's notice.

export function roster(rt: HallRuntime, date: string): RosterReply {
  const entries = domain.rosterOf(rt.state, date, rt.stores.duty.roster(date));
  // A roster kept from before someone left still names them.
  return { date, entries: entries.map((e) => ({ ...e, name: staffOrNumber(rt.state, e.staffNo).name })) };
}

/** Who is on duty now: today's 值班长 and the 导服员 of the current shift. */
export function dutyNow(rt: HallRuntime): Duty {
  const today = rt.today();
  const onDuty = domain.onDuty(rt.state, domain.rosterOf(rt.state, today, rt.stores.duty.roster(today)), rt.now());
  const person = (staffNo: string) => staffOrNumber(rt.state, staffNo);
  return { captain: onDuty.captain === null ? null : person(onDuty.captain), guides: onDuty.guides.map(person) };
}

/** The active staff who may be put on a roster, with the duty roles they hold. */
export function dutyPeople(rt: HallRuntime): DutyPeopleReply {
  const people = rt.state.setup.staff.flatMap(({ staffNo, name, roles, active }) => {
    const dutyRoles = roles.flatMap((role) => {
      const duty = DutyRole.safeParse(role);
      return duty.success ? [duty.data] : [];
    });
    return active && dutyRoles.length > 0 ? [{ staffNo, name, roles: dutyRoles }] : [];
  });
  return { people };
}

export const dutyQueries = (rt: HallRuntime) => ({
  roster: (date: string): RosterReply => roster(rt, date),
  dutyPeople: (): DutyPeopleReply => dutyPeople(rt),
  duty: (): Duty => dutyNow(rt),
  notice: (): string => rt.state.notice,
});
