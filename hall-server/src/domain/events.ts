import type { CategoryCode, DeviceKind, LeaderRole, OnsiteStatus, SetupChange, DevicePart, EvaluationChannel, PoorRatingReason, PrintFault, RecordedReason, SatisfactionLevel } from '@hall/shared';

// Every state change of the hall is one of these facts. They become rows of the append-only
// event log (the audit trail and the source of every report) and drive what screens are told.

interface Base {
  at: number;
  serviceDate: string;
}
interface OnTicket extends Base {
  ticketId: string;
}
interface AtWindow extends Base {
  windowNo: number;
  staffNo: string;
}

export type HallEvent =
  | (Base & { type: 'day.opened' })
  | (OnTicket & { type: 'ticket.issued' })
  | (OnTicket & AtWindow & { type: 'ticket.called'; how: 'next' | 'fairness' | 'by_number' | 'reactivated' })
  | (OnTicket & AtWindow & { type: 'ticket.recalled' })
  | (OnTicket & AtWindow & { type: 'ticket.no_show' })
  | (OnTicket & AtWindow & { type: 'ticket.finished'; caseNo: string | null; itemCode: string | null; handlingMs: number })
  | (OnTicket &
      AtWindow & {
        type: 'ticket.transferred';
        toCategory: CategoryCode;
        toWindowNo: number | null;
        note: string | null;
      })
  | (OnTicket & AtWindow & { type: 'ticket.reactivated' })
  | (OnTicket & AtWindow & { type: 'ticket.no_show_undone' })
  | (OnTicket & { type: 'ticket.expired' })
  | (OnTicket & { type: 'ticket.reprinted'; staffNo: string; deviceId: string })
  | (AtWindow & { type: 'window.signed_in' })
  | (AtWindow & { type: 'window.signed_out'; reason: SignOutReason })
  | (AtWindow & { type: 'window.paused'; reason: string; until: number | null })
  | (AtWindow & { type: 'window.resumed' })
  | (AtWindow & { type: 'window.extended_service' })
  | (Base & { type: 'appointment.booked'; appointmentId: string; date: string; staffNo: string })
  | (OnTicket & { type: 'appointment.checked_in'; appointmentId: string })
  | (Base & { type: 'roster.changed'; date: string; staffNo: string })
  | (Base & { type: 'notice.changed'; text: string; staffNo: string })
  | (OnTicket & AtWindow & { type: 'evaluation.requested'; closesAt: number })
  | (OnTicket &
      AtWindow & {
        type: 'evaluation.rated';
        level: SatisfactionLevel;
        stars: number;
        reasons: readonly RecordedReason[];
        comment: string | null;
        channel: EvaluationChannel;
        deviceId: string | null;
        /** Recorded from what the pad held when its time ran out, or the next visit or day came. */
        fromHeld?: 'timeout' | 'superseded' | 'day_end';
      })
  /** The visitor is still rating at the pad: what they chose so far (the phone number stays out of the log). */
  | (OnTicket & AtWindow & { type: 'evaluation.held'; level: SatisfactionLevel; reasons: readonly PoorRatingReason[]; closesAt: number })
  /** The visitor went back from the reasons to the levels: no poor level is held any more. */
  | (OnTicket & AtWindow & { type: 'evaluation.released' })
  | (OnTicket & AtWindow & { type: 'evaluation.unrated'; reason: 'timeout' | 'superseded' | 'day_end' })
  | (OnTicket & AtWindow & { type: 'follow_up.opened'; followUpId: string })
  /** `staffNo` here is the duty captain or administrator who recorded the step. */
  | (OnTicket & { type: 'follow_up.called_back' | 'follow_up.fixed'; followUpId: string; staffNo: string; note: string })
  | (Base & { type: 'device.fault'; deviceId: string; part: DevicePart; fault: PrintFault; message: string })
  | (Base & { type: 'device.recovered'; deviceId: string; part: DevicePart; fault: PrintFault; message: string; since: number })
  | (Base & { type: 'help.requested'; helpRequestId: string; deviceId: string })
  | (Base & { type: 'help.handled'; helpRequestId: string; deviceId: string; staffNo: string })
  /**
   * One thing of the set-up added, changed or removed by an administrator (`staffNo`). A window's
   * change also carries its number, so the audit finds it by window.
   */
  | (Base & SetupChange & { type: 'setup.changed'; staffNo: string; windowNo?: number })
  /** An administrator (`staffNo`) set `forStaffNo`'s PIN; the PIN and its hash stay out of the log. */
  | (Base & { type: 'staff.pin_reset'; staffNo: string; forStaffNo: string })
  /** A person changed their own PIN (never the PIN or its hash in the log). */
  | (Base & { type: 'staff.pin_changed'; staffNo: string })
  /**
   * A device given a credential (`staffNo`: the administrator; none when the demo hall enrolled
   * its own), or its credential revoked. `replaced`: an earlier credential of the same device ended.
   */
  | (Base & { type: 'device.enrolled'; deviceId: string; kind: DeviceKind; windowNo?: number; name: string; staffNo?: string; replaced: boolean })
  | (Base & { type: 'device.revoked'; deviceId: string; kind: DeviceKind; windowNo?: number; staffNo: string })
  // The office (issue 16, H2): `staffNo` is the duty captain or administrator who recorded it.
  /** A department leader's sitting (领导值班) at the department's window `windowNo`, on the local `date`. */
  | (Base & { type: 'leader_duty.recorded'; visitId: string; department: string; windowNo: number; leaderName: string; role: LeaderRole; date: string; staffNo: string })
  /** An on-site service (上门服务) requested for the local `date`; who asked and their phone stay out of the log. */
  | (Base & { type: 'onsite.requested'; serviceId: string; department: string; matter: string; date: string; staffNo: string })
  /** Staff assigned, or the status moved (`from` → `status`), with the step's note. */
  | (Base & { type: 'onsite.changed'; serviceId: string; department: string; matter: string; from: OnsiteStatus; status: OnsiteStatus; staffNos: readonly string[]; note: string | null; staffNo: string });

/**
 * Why a window's staff member was signed out: their own 退出, someone else signing in there,
 * their signing in at another window, or a set-up change: they left the hall (retired), lost
 * the authorisation for the window (deauthorised), the window was removed, or their PIN was reset.
 */
export type SignOutReason = 'logout' | 'replaced' | 'moved' | 'retired' | 'deauthorised' | 'window_removed' | 'pin_reset' | 'pin_changed';

export type HallEventType = HallEvent['type'];
