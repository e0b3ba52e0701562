import { NewPin, type HallSettings } from '@hall/shared';
import { begin } from './begin';
import { DomainError } from './errors';
import type { Outcome } from './outcome';
import { staffMember } from './state';
import type { CommandContext, HallState } from './types';

// Staff PINs: the one rule for a new PIN (a person's own change and an administrator's reset
// both use it), and a person changing their own.

/** The demo hall's PIN (hall-server/config/demo-hall.json): everyone's, so nobody's outside it. */
export const DEMO_PIN = '123456';

/** Why a new PIN may not be chosen, or null if it may: the shared schema's rules, then the demo PIN. */
export function pinProblem(pin: string, settings: Pick<HallSettings, 'demo'>): string | null {
  const parsed = NewPin.safeParse(pin);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a PIN';
  if (!settings.demo && pin === DEMO_PIN) return 'the demo hall’s PIN';
  return null;
}

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
