import { localClockOnDayOf } from '@hall/shared';
import { begin, requireStaffAt } from './begin';
import { DomainError } from './errors';
import type { Draft, Outcome } from './outcome';
import { isAfterClosing } from './service-day';
import { staffMember, windowStatus } from './state';
import type { CommandContext, HallState, WindowStatus } from './types';
import type { SignOutReason } from './events';

// Staff sign in at one window at a time, and a window has one person at a time: signing in
// ends whatever session stood in the way, and the log says why.

interface AtWindow {
  windowNo: number;
  staffNo: string;
}

export function signOutWindow(draft: Draft, window: WindowStatus, reason: SignOutReason): void {
  if (window.staffNo === null) return;
  draft.putWindow({ ...window, state: 'closed', staffNo: null, pauseReason: null, pauseUntil: null, lastNoShow: null });
  draft.emit({
    type: 'window.signed_out',
    at: draft.now,
    serviceDate: draft.serviceDate,
    windowNo: window.no,
    staffNo: window.staffNo,
    reason,
  });
}

export function signIn(state: HallState, command: AtWindow, ctx: CommandContext): Outcome<WindowStatus> {
  const draft = begin(state, ctx);
  const target = windowStatus(draft.state, command.windowNo);
  const staff = staffMember(draft.state, command.staffNo);
  // Someone who left the hall is told nothing more than a wrong PIN would tell them.
  if (staff?.active === false) throw new DomainError('INVALID_CREDENTIALS');
  if (!staff || !staff.windows.includes(command.windowNo)) {
    throw new DomainError('STAFF_NOT_AUTHORISED_FOR_WINDOW', { windowNo: command.windowNo });
  }
  for (const window of draft.state.windows.values()) {
    if (window.staffNo !== command.staffNo || window.no === command.windowNo) continue;
    // Moving signs out the old window, which signOut refuses while a ticket is served there.
    if (window.currentTicketId !== null) throw new DomainError('TICKET_IN_SERVICE', { windowNo: window.no });
    signOutWindow(draft, window, 'moved');
  }
  if (target.staffNo !== null && target.staffNo !== command.staffNo) signOutWindow(draft, target, 'replaced');

  // A paused window stays paused (its reason still holds) until someone resumes it.
  const current = windowStatus(draft.state, command.windowNo);
  const opened: WindowStatus = { ...current, state: current.state === 'paused' ? 'paused' : 'open', staffNo: command.staffNo };
  draft.putWindow(opened);
  draft.emit({ type: 'window.signed_in', at: ctx.now, serviceDate: draft.serviceDate, ...command });
  return draft.done(opened);
}

export function signOut(state: HallState, command: AtWindow, ctx: CommandContext): Outcome<WindowStatus> {
  const draft = begin(state, ctx);
  const window = requireStaffAt(draft, command.windowNo, command.staffNo);
  if (window.currentTicketId !== null) throw new DomainError('TICKET_IN_SERVICE', { windowNo: command.windowNo });
  signOutWindow(draft, window, 'logout');
  return draft.done(windowStatus(draft.state, command.windowNo));
}

/**
 * 暂停 with its reason and, if the staff say, when they expect to reopen (`HH:MM` today in the
 * hall): the screens tell the visitors. A time already past is refused, not shown as a promise
 * the window has broken.
 */
export function pause(state: HallState, command: AtWindow & { reason: string; until?: string | null }, ctx: CommandContext): Outcome<WindowStatus> {
  const draft = begin(state, ctx);
  const window = requireStaffAt(draft, command.windowNo, command.staffNo);
  if (window.state === 'paused') throw new DomainError('WINDOW_PAUSED', { windowNo: command.windowNo });
  const until = command.until == null ? null : localClockOnDayOf(ctx.now, command.until, draft.state.setup.settings.timezone);
  if (until !== null && until <= ctx.now) throw new DomainError('PAUSE_UNTIL_PAST', { windowNo: command.windowNo, until: command.until });
  const paused: WindowStatus = { ...window, state: 'paused', pauseReason: command.reason, pauseUntil: until };
  draft.putWindow(paused);
  draft.emit({
    type: 'window.paused',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    windowNo: window.no,
    staffNo: command.staffNo,
    reason: command.reason,
    until,
  });
  return draft.done(paused);
}

export function resume(state: HallState, command: AtWindow, ctx: CommandContext): Outcome<WindowStatus> {
  const draft = begin(state, ctx);
  const window = requireStaffAt(draft, command.windowNo, command.staffNo);
  if (window.state !== 'paused') throw new DomainError('WINDOW_NOT_PAUSED', { windowNo: command.windowNo });
  const open: WindowStatus = { ...window, state: 'open', pauseReason: null, pauseUntil: null };
  draft.putWindow(open);
  draft.emit({ type: 'window.resumed', at: ctx.now, serviceDate: draft.serviceDate, windowNo: window.no, staffNo: command.staffNo });
  return draft.done(open);
}

/**
 * 延时服务: at closing time with people still waiting, the staff choose to keep serving. It is
 * recorded once a day per window; a call after closing records it too.
 */
export function extendService(state: HallState, command: AtWindow, ctx: CommandContext): Outcome<WindowStatus> {
  const draft = begin(state, ctx);
  const window = requireStaffAt(draft, command.windowNo, command.staffNo);
  if (!isAfterClosing(draft.state, ctx.now)) throw new DomainError('NOT_CLOSING_TIME', { windowNo: command.windowNo });
  if (window.extendedServiceDate === draft.serviceDate) return draft.done(window);
  const extended: WindowStatus = { ...window, extendedServiceDate: draft.serviceDate };
  draft.putWindow(extended);
  draft.emit({ type: 'window.extended_service', at: ctx.now, serviceDate: draft.serviceDate, windowNo: window.no, staffNo: command.staffNo });
  return draft.done(extended);
}
