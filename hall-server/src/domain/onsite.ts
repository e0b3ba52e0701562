import { clockToMinutes, localDate, ONSITE_MOVES, startOfLocalDate, type OnsiteServiceBody, type OnsiteServiceChange, type OnsiteStatus } from '@hall/shared';
import { begin } from './begin';
import { requireDepartment } from './departments';
import { requireManager } from './duty';
import { DomainError } from './errors';
import type { Outcome } from './outcome';
import { staffMember } from './state';
import type { CommandContext, HallState } from './types';

// 上门服务: a request taken by a duty captain or administrator, staff assigned, then on to done
// (or cancelled), each step on record with who, when and a note. Services span many days, so
// like follow-ups they are not kept in the hall's state: the command gets the stored one.

export interface OnsiteStepRecord {
  status: OnsiteStatus;
  at: number;
  by: string;
  /** The staff this step assigned, or null when it assigned none. */
  staffNos: string[] | null;
  note: string | null;
}

/** A service as the table onsite_services keeps it. */
export interface OnsiteRecord {
  id: string;
  requester: string;
  contact: string | null;
  address: string;
  matter: string;
  department: string;
  scheduledAt: number;
  /** The local date of scheduledAt. */
  serviceDate: string;
  status: OnsiteStatus;
  staffNos: string[];
  steps: OnsiteStepRecord[];
  createdBy: string;
  createdAt: number;
  doneAt: number | null;
}

/** The statuses in which staff must be assigned. */
const STAFFED: ReadonlySet<OnsiteStatus> = new Set(['assigned', 'in_progress', 'done']);

export function requestOnsiteService(state: HallState, command: { request: OnsiteServiceBody; by: string }, ctx: CommandContext): Outcome<OnsiteRecord> {
  const draft = begin(state, ctx);
  requireManager(draft.state, command.by);
  const { request } = command;
  requireDepartment(draft.state, request.department);
  const { timezone } = draft.state.setup.settings;
  const scheduledAt = startOfLocalDate(request.date, timezone) + clockToMinutes(request.time) * 60_000;
  const note = request.note ?? null;
  const service: OnsiteRecord = {
    id: ctx.newId(),
    requester: request.requester,
    contact: request.contact ?? null,
    address: request.address,
    matter: request.matter,
    department: request.department,
    scheduledAt,
    serviceDate: localDate(scheduledAt, timezone),
    status: 'requested',
    staffNos: [],
    steps: [{ status: 'requested', at: ctx.now, by: command.by, staffNos: null, note }],
    createdBy: command.by,
    createdAt: ctx.now,
    doneAt: null,
  };
  // The requester's name and phone stay out of the event log.
  draft.emit({
    type: 'onsite.requested',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    serviceId: service.id,
    department: service.department,
    matter: service.matter,
    date: service.serviceDate,
    staffNo: command.by,
  });
  return draft.done(service);
}

/**
 * Assigns staff (replacing those assigned) and/or moves the status along ONSITE_MOVES. Assigning
 * staff to a requested service makes it assigned; staff may be changed while it is assigned or
 * in progress; a service done or cancelled is final.
 */
export function changeOnsiteService(
  state: HallState,
  service: OnsiteRecord | null,
  command: OnsiteServiceChange & { by: string },
  ctx: CommandContext,
): Outcome<OnsiteRecord> {
  const draft = begin(state, ctx);
  requireManager(draft.state, command.by);
  if (service === null) throw new DomainError('ONSITE_SERVICE_NOT_FOUND');
  const from = service.status;
  const to = command.status ?? (from === 'requested' ? 'assigned' : from);
  const reassigning = to === from && command.staffNos !== undefined && (from === 'assigned' || from === 'in_progress');
  if (!reassigning && !ONSITE_MOVES[from].includes(to)) throw new DomainError('ONSITE_MOVE_INVALID', { from, to });
  for (const staffNo of command.staffNos ?? []) {
    if (staffMember(draft.state, staffNo)?.active !== true) throw new DomainError('STAFF_NOT_FOUND', { staffNo });
  }
  const staffNos = command.staffNos ?? service.staffNos;
  if (STAFFED.has(to) && staffNos.length === 0) throw new DomainError('ONSITE_STAFF_REQUIRED', { to });
  const note = command.note ?? null;
  const changed: OnsiteRecord = {
    ...service,
    status: to,
    staffNos: [...staffNos],
    steps: [...service.steps, { status: to, at: ctx.now, by: command.by, staffNos: command.staffNos ? [...command.staffNos] : null, note }],
    doneAt: to === 'done' ? ctx.now : service.doneAt,
  };
  draft.emit({
    type: 'onsite.changed',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    serviceId: service.id,
    department: service.department,
    matter: service.matter,
    from,
    status: to,
    staffNos: changed.staffNos,
    note,
    staffNo: command.by,
  });
  return draft.done(changed);
}
