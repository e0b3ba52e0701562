import { begin } from './begin';
import { DomainError } from './errors';
import { pinProblem } from './pin-rules';
import type { Outcome } from './outcome';
import { staffMember } from './state';
import type { CommandContext, HallState } from './types';
import { signOutWindow } from './windows';

// A person changing their own PIN (the rule for a new PIN: pin-rules.ts).

/**
 * A person's own new PIN, checked against their current one by the caller (the hash is no part
 * of the hall's state); the event records that it changed, never the PIN or its hash. Whoever
 * knew the old PIN is shut out of every other session: a window the person is signed in at is
 * signed out, unless the change was made from that window's console (`fromWindowNo`).
 */
export function changeOwnPin(
  state: HallState,
  command: { staffNo: string; currentPin: string; newPin: string; fromWindowNo: number | null },
  ctx: CommandContext,
): Outcome<null> {
  const draft = begin(state, ctx);
  const staff = staffMember(draft.state, command.staffNo);
  if (!staff || staff.active === false) throw new DomainError('INVALID_CREDENTIALS');
  const problem = command.newPin === command.currentPin ? 'same_as_current' : pinProblem(command.newPin, draft.state.setup.settings);
  if (problem !== null) throw new DomainError('PIN_TOO_WEAK', { reason: problem });
  for (const window of draft.state.windows.values()) {
    if (window.staffNo !== command.staffNo || window.no === command.fromWindowNo) continue;
    if (window.currentTicketId !== null) throw new DomainError('STAFF_SERVING', { staffNo: command.staffNo, windowNo: window.no });
    signOutWindow(draft, window, 'pin_changed');
  }
  draft.emit({ type: 'staff.pin_changed', at: ctx.now, serviceDate: draft.serviceDate, staffNo: command.staffNo });
  return draft.done(null);
}
