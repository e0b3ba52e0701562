import { begin } from './begin';
import { DomainError } from './errors';
import { pinProblem } from './pin-rules';
import type { Outcome } from './outcome';
import { staffMember } from './state';
import type { CommandContext, HallState } from './types';

// A person changing their own PIN (the rule for a new PIN: pin-rules.ts).

/**
 * A person's own new PIN, checked against their current one by the caller (the hash is no part
 * of the hall's state); the event records that it changed, never the PIN or its hash.
 */
export function changeOwnPin(state: HallState, command: { staffNo: string; newPin: string }, ctx: CommandContext): Outcome<null> {
  const draft = begin(state, ctx);
  const staff = staffMember(draft.state, command.staffNo);
  if (!staff || staff.active === false) throw new DomainError('INVALID_CREDENTIALS');
  const problem = pinProblem(command.newPin, draft.state.setup.settings);
  if (problem !== null) throw new DomainError('PIN_TOO_WEAK', { reason: problem });
  draft.emit({ type: 'staff.pin_changed', at: ctx.now, serviceDate: draft.serviceDate, staffNo: command.staffNo });
  return draft.done(null);
}
