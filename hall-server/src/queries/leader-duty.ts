import type { LeaderDutyReply } from '@hall/shared';
import * as domain from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';

// 领导值班 as the office reads it: the span's sittings and where every department stands.

export function leaderDuty(rt: HallRuntime, from: string, to: string): LeaderDutyReply {
  const today = rt.today();
  // Standing is as of the span's end, but never a day not yet come.
  const asOf = to < today ? to : today;
  const departments = domain.leaderDutyStanding(domain.hallDepartments(rt.state), rt.stores.leaderDuty.lastSittings(asOf), rt.state.setup.settings.leaderDuty, asOf);
  return { visits: rt.stores.leaderDuty.visits(from, to), departments };
}

export const leaderDutyQueries = (rt: HallRuntime) => ({
  leaderDuty: (from: string, to: string): LeaderDutyReply => leaderDuty(rt, from, to),
});
