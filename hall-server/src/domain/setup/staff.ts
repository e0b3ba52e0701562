import type { Staff } from '@hall/shared';
import { begin } from '../begin';
import { DomainError } from '../errors';
import type { Outcome } from '../outcome';
import { pinProblem } from '../pin-rules';
import { staffMember, windowConfig } from '../state';
import type { CommandContext, HallState } from '../types';
import { signOutWindow } from '../windows';
import { applySetup, requireAdmin, type RosteredDay } from './apply';
import { withItem } from './list';

// Staff join, change roles and windows, and leave (active: false), never deleted: the record
// names them. A new person has no PIN until one is set (resetPin).

/**
 * `withPin`: who has a PIN, so the last administrator who can sign in stays; `rostered`: who is
 * on a day's own roster from today on (the store knows both).
 */
export function setStaff(
  state: HallState,
  command: { by: string; staff: Staff; withPin: readonly string[]; rostered: readonly RosteredDay[] },
  ctx: CommandContext,
): Outcome<Staff> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  for (const no of command.staff.windows) windowConfig(draft.state, no);
  const { setup } = draft.state;
  const staff = withItem(setup.staff, command.staff, (s) => s.staffNo === command.staff.staffNo).sort((a, b) => (a.staffNo < b.staffNo ? -1 : 1));
  applySetup(draft, { ...setup, staff }, command.by, { withPin: new Set(command.withPin), rostered: command.rostered });
  return draft.done(command.staff);
}

/**
 * An administrator sets a person's PIN (the caller writes its hash, computed beforehand, in the
 * same transaction). Whoever knew the old one is shut out: the person's sessions end.
 */
export function resetPin(state: HallState, command: { by: string; staffNo: string; pin: string }, ctx: CommandContext): Outcome<null> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  if (!staffMember(draft.state, command.staffNo)) throw new DomainError('STAFF_NOT_FOUND', { staffNo: command.staffNo });
  const problem = pinProblem(command.pin, draft.state.setup.settings);
  if (problem !== null) throw new DomainError('PIN_TOO_WEAK', { reason: problem });
  for (const window of draft.state.windows.values()) {
    if (window.staffNo !== command.staffNo) continue;
    if (window.currentTicketId !== null) throw new DomainError('STAFF_SERVING', { staffNo: command.staffNo, windowNo: window.no });
    signOutWindow(draft, window, 'pin_reset');
  }
  draft.emit({ type: 'staff.pin_reset', at: ctx.now, serviceDate: draft.serviceDate, staffNo: command.by, forStaffNo: command.staffNo });
  return draft.done(null);
}
