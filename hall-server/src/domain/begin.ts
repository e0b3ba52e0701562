import { DomainError } from './errors';
import { Draft, type Outcome } from './outcome';
import { ensureServiceDay } from './service-day';
import { windowStatus } from './state';
import type { CommandContext, HallState, WindowStatus } from './types';

/** Every command starts on the right service day. */
export function begin(state: HallState, ctx: CommandContext): Draft {
  const draft = new Draft(state, ctx);
  ensureServiceDay(draft);
  return draft;
}

/** The window, if `staffNo` is the one signed in there: every window action is checked. */
export function requireStaffAt(draft: Draft, windowNo: number, staffNo: string): WindowStatus {
  const window = windowStatus(draft.state, windowNo);
  if (window.staffNo !== staffNo) throw new DomainError('WRONG_WINDOW', { windowNo });
  return window;
}

/** Nothing but the turn of the day, for when no one has acted since midnight. */
export function openServiceDay(state: HallState, ctx: CommandContext): Outcome<null> {
  return begin(state, ctx).done(null);
}
