import type { CategoryCode, PriorityKind } from '@hall/shared';
import { formatTicketNumber } from '@hall/shared';
import { isCategoryUnattended } from './attended';
import { begin, requireStaffAt } from './begin';
import { DomainError } from './errors';
import { estimatedWaitMinutes, withHandlingTime } from './estimate';
import { askForRating } from './evaluations';
import type { Draft, Outcome } from './outcome';
import { peopleAhead, pickNext, servesTicket, type Pick } from './routing';
import { isAfterClosing } from './service-day';
import { categoryConfig, staffMember, ticketById, ticketByNumber, windowConfig } from './state';
import type { CommandContext, HallState, Ticket, TransferOrigin, WindowStatus } from './types';
import { NO_SHOW_UNDO_SECONDS } from '@hall/shared';

// A ticket's life: waiting -> called -> (recalled) -> finished | no-show | transferred (back to
// waiting, elsewhere); a no-show may be reactivated the same day; leftovers expire at day end.

export interface IssuedTicket {
  ticket: Ticket;
  ahead: number;
  /** null: no window will call it as the hall stands (unattended), the wait is unknown. */
  estimatedWaitMinutes: number | null;
}

export function issueTicket(
  state: HallState,
  command: { category: CategoryCode; priority: PriorityKind | null; secret: string },
  ctx: CommandContext,
): Outcome<IssuedTicket> {
  const draft = begin(state, ctx);
  // Checked-in appointments are issued all the same: the visit was booked, and a guide finds
  // someone to serve it.
  const category = categoryConfig(draft.state, command.category);
  // Closed for new tickets; those already waiting are still called.
  if (!category.open) throw new DomainError('CATEGORY_CLOSED', { category: category.code });
  const refuses = draft.state.setup.settings.unattendedTickets === 'refuse';
  if (refuses && isCategoryUnattended(draft.state, category.code, draft.now)) {
    throw new DomainError('CATEGORY_UNATTENDED', { category: command.category });
  }
  return draft.done(issueInto(draft, command.category, command.priority, command.secret));
}

/** Numbers and queues a new ticket within a command (取号, or an appointment's check-in). */
export function issueInto(draft: Draft, categoryCode: CategoryCode, priority: PriorityKind | null, secret: string): IssuedTicket {
  const category = categoryConfig(draft.state, categoryCode);
  const seq = (draft.state.counters[category.code] ?? 0) + 1;
  const ticket: Ticket = {
    id: draft.ctx.newId(),
    secret,
    number: formatTicketNumber(category.code, seq),
    category: category.code,
    seq,
    serviceDate: draft.serviceDate,
    status: 'waiting',
    priority,
    issuedAt: draft.now,
    targetWindowNo: null,
    windowNo: null,
    calledAt: null,
    finishedAt: null,
    reactivatedAt: null,
    caseNo: null,
    itemCode: null,
    transfer: null,
  };
  draft.state = { ...draft.state, counters: { ...draft.state.counters, [category.code]: seq } };
  draft.putTicket(ticket);
  draft.emit({ type: 'ticket.issued', at: draft.now, serviceDate: draft.serviceDate, ticketId: ticket.id });
  const ahead = peopleAhead(draft.state, ticket);
  return { ticket, ahead, estimatedWaitMinutes: estimatedWaitMinutes(draft.state, ticket, draft.now) };
}

interface AtWindow {
  windowNo: number;
  staffNo: string;
}

function requireFreeOpenWindow(draft: Draft, at: AtWindow): WindowStatus {
  const window = requireStaffAt(draft, at.windowNo, at.staffNo);
  if (window.state === 'paused') throw new DomainError('WINDOW_PAUSED', { windowNo: at.windowNo });
  if (window.currentTicketId !== null) throw new DomainError('TICKET_IN_SERVICE', { windowNo: at.windowNo });
  return window;
}

function call(draft: Draft, window: WindowStatus, staffNo: string, ticket: Ticket, how: Pick['how'] | 'by_number'): Ticket {
  const { now, serviceDate } = draft;
  let next: WindowStatus = {
    ...window,
    currentTicketId: ticket.id,
    lastNoShow: null,
    priorityStreak: ticket.reactivatedAt !== null ? window.priorityStreak : ticket.priority !== null ? window.priorityStreak + 1 : 0,
  };
  if (isAfterClosing(draft.state, now) && window.extendedServiceDate !== serviceDate) {
    next = { ...next, extendedServiceDate: serviceDate };
    draft.emit({ type: 'window.extended_service', at: now, serviceDate, windowNo: window.no, staffNo });
  }
  const called: Ticket = { ...ticket, status: 'called', windowNo: window.no, calledAt: now };
  draft.putWindow(next);
  draft.putTicket(called);
  draft.emit({ type: 'ticket.called', at: now, serviceDate, ticketId: ticket.id, windowNo: window.no, staffNo, how });
  return called;
}

export function callNext(state: HallState, at: AtWindow, ctx: CommandContext): Outcome<Ticket> {
  const draft = begin(state, ctx);
  const window = requireFreeOpenWindow(draft, at);
  const pick = pickNext(draft.state, at.windowNo, ctx.now);
  if (!pick) throw new DomainError('QUEUE_EMPTY', { windowNo: at.windowNo });
  return draft.done(call(draft, window, at.staffNo, pick.ticket, pick.how));
}

/** 点号: call one waiting ticket by its number. */
export function callNumber(state: HallState, command: AtWindow & { number: string }, ctx: CommandContext): Outcome<Ticket> {
  const draft = begin(state, ctx);
  const window = requireFreeOpenWindow(draft, command);
  const ticket = ticketByNumber(draft.state, command.number);
  if (ticket.status !== 'waiting') throw new DomainError('TICKET_NOT_WAITING', { number: ticket.number, status: ticket.status });
  if (!servesTicket(windowConfig(draft.state, command.windowNo), ticket)) {
    throw new DomainError('TICKET_NOT_SERVED_HERE', { number: ticket.number });
  }
  return draft.done(call(draft, window, command.staffNo, ticket, 'by_number'));
}

function currentTicket(draft: Draft, at: AtWindow): { window: WindowStatus; ticket: Ticket } {
  const window = requireStaffAt(draft, at.windowNo, at.staffNo);
  if (window.currentTicketId === null) throw new DomainError('NO_CURRENT_TICKET', { windowNo: at.windowNo });
  return { window, ticket: ticketById(draft.state, window.currentTicketId) };
}

/** 重呼: the screens and the announcer call the same number again. */
export function recall(state: HallState, at: AtWindow, ctx: CommandContext): Outcome<Ticket> {
  const draft = begin(state, ctx);
  const { ticket } = currentTicket(draft, at);
  draft.emit({ type: 'ticket.recalled', at: ctx.now, serviceDate: draft.serviceDate, ticketId: ticket.id, ...at });
  return draft.done(ticket);
}

/** 过号: the visitor did not come. */
export function markNoShow(state: HallState, at: AtWindow, ctx: CommandContext): Outcome<Ticket> {
  const draft = begin(state, ctx);
  const { window, ticket } = currentTicket(draft, at);
  const noShow: Ticket = { ...ticket, status: 'no_show' };
  draft.putTicket(noShow);
  draft.putWindow({ ...window, currentTicketId: null, lastNoShow: { ticketId: ticket.id, at: ctx.now } });
  draft.emit({ type: 'ticket.no_show', at: ctx.now, serviceDate: draft.serviceDate, ticketId: ticket.id, ...at });
  return draft.done(noShow);
}

export interface FinishCommand extends AtWindow {
  caseNo: string | null;
  /** Optional: most halls start without picking items; null or left out, none was chosen. */
  itemCode?: string | null;
}

/**
 * 办结, with the case number (办件编号) when the window records one and the service item (事项)
 * when staff chose one: it must be an item of the ticket's category, since the rating is handed
 * to the province under it.
 */
export function finish(state: HallState, command: FinishCommand, ctx: CommandContext): Outcome<Ticket> {
  const draft = begin(state, ctx);
  const { window, ticket } = currentTicket(draft, command);
  const itemCode = command.itemCode ?? null;
  if (itemCode !== null && !categoryConfig(draft.state, ticket.category).items.some((item) => item.code === itemCode)) {
    throw new DomainError('ITEM_NOT_OF_CATEGORY', { category: ticket.category, itemCode });
  }
  const finished: Ticket = { ...ticket, status: 'finished', finishedAt: ctx.now, caseNo: command.caseNo, itemCode };
  const handlingMs = ctx.now - (ticket.calledAt ?? ctx.now);
  draft.putTicket(finished);
  draft.putWindow({ ...window, currentTicketId: null });
  draft.state = withHandlingTime(draft.state, ticket.category, handlingMs);
  draft.emit({
    type: 'ticket.finished',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    ticketId: ticket.id,
    windowNo: command.windowNo,
    staffNo: command.staffNo,
    caseNo: command.caseNo,
    itemCode,
    handlingMs,
  });
  askForRating(draft, finished, command.windowNo, command.staffNo);
  return draft.done(finished);
}

export type TransferTarget = { toCategory: CategoryCode } | { toWindowNo: number };

/**
 * 转移: the ticket goes back to waiting in another category or for a named window, keeping its
 * number and issue time, so it goes ahead of everyone who came after it.
 */
export function transfer(
  state: HallState,
  command: AtWindow & { target: TransferTarget; note: string | null },
  ctx: CommandContext,
): Outcome<Ticket> {
  const draft = begin(state, ctx);
  const { window, ticket } = currentTicket(draft, command);
  const origin: TransferOrigin = { fromWindowNo: command.windowNo, fromCategory: ticket.category, note: command.note, at: ctx.now };
  let moved: Ticket;
  if ('toWindowNo' in command.target) {
    const toWindowNo = command.target.toWindowNo;
    if (toWindowNo === command.windowNo) throw new DomainError('TRANSFER_TARGET_INVALID', { toWindowNo });
    windowConfig(draft.state, toWindowNo);
    moved = { ...ticket, status: 'waiting', targetWindowNo: toWindowNo, calledAt: null, reactivatedAt: null, transfer: origin };
  } else {
    const toCategory = categoryConfig(draft.state, command.target.toCategory).code;
    const served = draft.state.setup.windows.some((w) => w.categories.includes(toCategory));
    if (!served || (toCategory === ticket.category && ticket.targetWindowNo === null)) {
      throw new DomainError('TRANSFER_TARGET_INVALID', { toCategory });
    }
    moved = { ...ticket, status: 'waiting', category: toCategory, targetWindowNo: null, calledAt: null, reactivatedAt: null, transfer: origin };
  }
  draft.putTicket(moved);
  draft.putWindow({ ...window, currentTicketId: null });
  draft.emit({
    type: 'ticket.transferred',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    ticketId: ticket.id,
    windowNo: command.windowNo,
    staffNo: command.staffNo,
    toCategory: moved.category,
    toWindowNo: moved.targetWindowNo,
    note: command.note,
  });
  return draft.done(moved);
}

/**
 * 撤销过号: a 过号 pressed by mistake (the visitor was at the counter after all) is taken back
 * within NO_SHOW_UNDO_SECONDS, as long as the window has called nobody since: the ticket is the
 * window's ticket in hand again, with its first call time. Later, 恢复过号 is the way back.
 */
export function undoNoShow(state: HallState, command: AtWindow & { number: string }, ctx: CommandContext): Outcome<Ticket> {
  const draft = begin(state, ctx);
  const window = requireStaffAt(draft, command.windowNo, command.staffNo);
  const ticket = ticketByNumber(draft.state, command.number);
  if (ticket.status !== 'no_show') throw new DomainError('TICKET_NOT_NO_SHOW', { number: ticket.number, status: ticket.status });
  const last = window.lastNoShow;
  if (ticket.windowNo !== command.windowNo) throw new DomainError('NO_SHOW_UNDO_OTHER_WINDOW', { number: ticket.number, windowNo: ticket.windowNo });
  // Any call since clears the window's last 过号; with someone in hand it is too late as well.
  if (last?.ticketId !== ticket.id || window.currentTicketId !== null) throw new DomainError('NO_SHOW_UNDO_CALLED_SINCE', { number: ticket.number });
  if (ctx.now - last.at > NO_SHOW_UNDO_SECONDS * 1000) throw new DomainError('NO_SHOW_UNDO_EXPIRED', { number: ticket.number, seconds: NO_SHOW_UNDO_SECONDS });
  const back: Ticket = { ...ticket, status: 'called' };
  draft.putTicket(back);
  draft.putWindow({ ...window, currentTicketId: ticket.id, lastNoShow: null });
  draft.emit({ type: 'ticket.no_show_undone', at: ctx.now, serviceDate: draft.serviceDate, ticketId: ticket.id, windowNo: command.windowNo, staffNo: command.staffNo });
  return draft.done(back);
}

/** A no-show visitor came back the same day: the ticket is called next at a window serving it. */
export function reactivate(state: HallState, command: AtWindow & { number: string }, ctx: CommandContext): Outcome<Ticket> {
  const draft = begin(state, ctx);
  requireStaffAt(draft, command.windowNo, command.staffNo);
  const ticket = ticketByNumber(draft.state, command.number);
  if (ticket.status !== 'no_show') throw new DomainError('TICKET_NOT_NO_SHOW', { number: ticket.number, status: ticket.status });
  const back: Ticket = { ...ticket, status: 'waiting', calledAt: null, reactivatedAt: ctx.now };
  draft.putTicket(back);
  draft.emit({
    type: 'ticket.reactivated',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    ticketId: ticket.id,
    windowNo: command.windowNo,
    staffNo: command.staffNo,
  });
  return draft.done(back);
}

/**
 * 补打: a waiting visitor's ticket printed again at a kiosk, by a staff member, on record. A ticket
 * issued before tickets had secrets is given `secret` now, so the reprint's QR code follows it.
 */
export function recordReprint(
  state: HallState,
  command: { number: string; staffNo: string; deviceId: string; secret: string },
  ctx: CommandContext,
): Outcome<IssuedTicket> {
  const draft = begin(state, ctx);
  if (!staffMember(draft.state, command.staffNo)) throw new DomainError('INVALID_CREDENTIALS');
  let ticket = ticketByNumber(draft.state, command.number);
  if (ticket.status !== 'waiting') throw new DomainError('TICKET_NOT_WAITING', { number: ticket.number, status: ticket.status });
  if (ticket.secret === null) {
    ticket = { ...ticket, secret: command.secret };
    draft.putTicket(ticket);
  }
  draft.emit({ type: 'ticket.reprinted', at: ctx.now, serviceDate: draft.serviceDate, ticketId: ticket.id, staffNo: command.staffNo, deviceId: command.deviceId });
  const ahead = peopleAhead(draft.state, ticket);
  return draft.done({ ticket, ahead, estimatedWaitMinutes: estimatedWaitMinutes(draft.state, ticket, draft.now) });
}
