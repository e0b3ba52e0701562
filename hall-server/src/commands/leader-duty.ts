import type { LeaderDutyBody, LeaderDutyVisit } from '@hall/shared';
import * as domain from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';

// 领导值班, recorded by a duty captain or administrator.

export const leaderDutyCommands = (rt: HallRuntime) => ({
  /** `by` is the signed-in duty captain or administrator. */
  recordLeaderDuty(visit: LeaderDutyBody, by: string): LeaderDutyVisit {
    return rt.run(
      (s, ctx) => domain.recordLeaderDuty(s, { visit, by }, ctx),
      (outcome) => rt.stores.leaderDuty.insert(outcome.result),
    ).result;
  },
});
