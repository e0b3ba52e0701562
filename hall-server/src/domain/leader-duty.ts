import { localDate, type LeaderDutyBody, type LeaderDutyVisit } from '@hall/shared';
import { begin } from './begin';
import { requireDepartment } from './departments';
import { requireManager } from './duty';
import { DomainError } from './errors';
import type { Outcome } from './outcome';
import { windowConfig } from './state';
import type { CommandContext, HallState } from './types';

// 领导值班: a duty captain or administrator records a department leader's sitting at one of the
// department's windows. Sittings are facts of a day gone by or of today, never planned ones.

export function recordLeaderDuty(state: HallState, command: { visit: LeaderDutyBody; by: string }, ctx: CommandContext): Outcome<LeaderDutyVisit> {
  const draft = begin(state, ctx);
  requireManager(draft.state, command.by);
  const { visit } = command;
  requireDepartment(draft.state, visit.department);
  const window = windowConfig(draft.state, visit.windowNo);
  if (window.department !== visit.department) {
    throw new DomainError('LEADER_DUTY_WRONG_WINDOW', { windowNo: visit.windowNo, department: visit.department, windowDepartment: window.department });
  }
  const today = localDate(ctx.now, draft.state.setup.settings.timezone);
  if (visit.date > today) throw new DomainError('LEADER_DUTY_DATE_FUTURE', { date: visit.date, today });
  const recorded: LeaderDutyVisit = {
    id: ctx.newId(),
    department: visit.department,
    leaderName: visit.leaderName,
    role: visit.role,
    date: visit.date,
    windowNo: visit.windowNo,
    from: visit.from ?? null,
    to: visit.to ?? null,
    note: visit.note ?? null,
    recordedBy: command.by,
    recordedAt: new Date(ctx.now).toISOString(),
  };
  draft.emit({
    type: 'leader_duty.recorded',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    visitId: recorded.id,
    department: recorded.department,
    windowNo: recorded.windowNo,
    leaderName: recorded.leaderName,
    role: recorded.role,
    date: recorded.date,
    staffNo: command.by,
  });
  return draft.done(recorded);
}
