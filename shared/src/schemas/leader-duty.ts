import { z } from 'zod';
import { Clock, StaffNo, WindowNo } from './hall';
import { HallDate, spanQuery } from './span';

// 领导值班 (issue 16): a department's leader sits at the department's window. The head once per
// half year, a deputy once a month (HallSettings.leaderDuty); the office sees who is overdue and
// the monthly report (月度通报) counts it.

const LocalDate = z.iso.date();
const Instant = z.iso.datetime();

/** 主要负责人 (head) or 分管负责人 (deputy). */
export const LeaderRole = z.enum(['head', 'deputy']);
export type LeaderRole = z.infer<typeof LeaderRole>;

/** `POST /api/leader-duty`: a duty captain records a leader's sitting. */
export const LeaderDutyBody = z
  .strictObject({
    department: z.string().trim().min(1).max(40),
    leaderName: z.string().trim().min(1).max(20),
    role: LeaderRole,
    date: HallDate,
    windowNo: WindowNo,
    from: Clock.optional(),
    to: Clock.optional(),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .refine((b) => b.from === undefined || b.to === undefined || b.from < b.to, { message: 'from must come before to', path: ['to'] });
export type LeaderDutyBody = z.infer<typeof LeaderDutyBody>;

export const LeaderDutyVisit = z.object({
  id: z.string(),
  department: z.string(),
  leaderName: z.string(),
  role: LeaderRole,
  date: LocalDate,
  windowNo: WindowNo,
  from: Clock.nullable(),
  to: Clock.nullable(),
  note: z.string().nullable(),
  /** The duty captain or administrator who recorded it, and when. */
  recordedBy: StaffNo,
  recordedAt: Instant,
});
export type LeaderDutyVisit = z.infer<typeof LeaderDutyVisit>;

/** One role's standing: its last sitting, when the next is due, and whether that day has passed. */
export const LeaderRoleCompliance = z.object({
  lastVisit: LocalDate.nullable(),
  /** The last day the next sitting keeps the rule; null when none was ever recorded. */
  dueBy: LocalDate.nullable(),
  /** No sitting recorded, or the due day has passed. */
  overdue: z.boolean(),
});
export type LeaderRoleCompliance = z.infer<typeof LeaderRoleCompliance>;

export const DepartmentLeaderDuty = z.object({
  department: z.string(),
  head: LeaderRoleCompliance,
  deputy: LeaderRoleCompliance,
});
export type DepartmentLeaderDuty = z.infer<typeof DepartmentLeaderDuty>;

export const LeaderDutyQuery = spanQuery({});
export type LeaderDutyQuery = z.infer<typeof LeaderDutyQuery>;

/** `GET /api/leader-duty?from&to`: the span's sittings, and every department's standing as of `to` (or today, if earlier). */
export const LeaderDutyReply = z.object({
  visits: z.array(LeaderDutyVisit),
  departments: z.array(DepartmentLeaderDuty),
});
export type LeaderDutyReply = z.infer<typeof LeaderDutyReply>;

export const LeaderDutyVisitReply = z.object({ visit: LeaderDutyVisit });
export type LeaderDutyVisitReply = z.infer<typeof LeaderDutyVisitReply>;
