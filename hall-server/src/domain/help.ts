import { begin } from './begin';
import { DomainError } from './errors';
import type { Outcome } from './outcome';
import { staffMember } from './state';
import type { CommandContext, HallState, HelpRequest } from './types';

// 呼叫导服员: a visitor at a kiosk asks for a guide; a guide on duty or the duty captain goes and
// marks it handled (已处理). A kiosk asks once: tapping again while no one has come yet is the
// same request, not a second one.

/** Who may mark a request handled: those whose work it is to go to the kiosk. */
const HELPERS = new Set(['guide', 'captain', 'admin']);

export function requestHelp(state: HallState, command: { deviceId: string }, ctx: CommandContext): Outcome<HelpRequest> {
  // A request is shown to staff by the kiosk's place: a device the hall does not know has none.
  if (kioskPlace(state, command.deviceId) === null) throw new DomainError('KIOSK_NOT_REGISTERED', { deviceId: command.deviceId });
  const draft = begin(state, ctx);
  const open = [...draft.state.helpRequests.values()].find((h) => h.deviceId === command.deviceId && h.handledAt === null);
  if (open) return draft.done(open);
  const request: HelpRequest = { id: ctx.newId(), deviceId: command.deviceId, requestedAt: ctx.now, handledAt: null, handledBy: null };
  draft.state = { ...draft.state, helpRequests: new Map(draft.state.helpRequests).set(request.id, request) };
  draft.emit({ type: 'help.requested', at: ctx.now, serviceDate: draft.serviceDate, helpRequestId: request.id, deviceId: request.deviceId });
  return draft.done(request);
}

export function handleHelpRequest(state: HallState, command: { id: string; staffNo: string }, ctx: CommandContext): Outcome<HelpRequest> {
  const draft = begin(state, ctx);
  const staff = staffMember(draft.state, command.staffNo);
  if (!staff?.roles.some((role) => HELPERS.has(role))) throw new DomainError('FORBIDDEN', { staffNo: command.staffNo });
  const request = draft.state.helpRequests.get(command.id);
  if (!request) throw new DomainError('HELP_REQUEST_NOT_FOUND', { id: command.id });
  // Two helpers marking it at once: the first one counts.
  if (request.handledAt !== null) return draft.done(request);
  const handled: HelpRequest = { ...request, handledAt: ctx.now, handledBy: command.staffNo };
  draft.state = { ...draft.state, helpRequests: new Map(draft.state.helpRequests).set(handled.id, handled) };
  draft.emit({ type: 'help.handled', at: ctx.now, serviceDate: draft.serviceDate, helpRequestId: handled.id, deviceId: handled.deviceId, staffNo: command.staffNo });
  return draft.done(handled);
}

/** The requests no one has handled yet, oldest first. */
export function openHelpRequests(state: HallState): HelpRequest[] {
  return [...state.helpRequests.values()].filter((h) => h.handledAt === null).sort((a, b) => a.requestedAt - b.requestedAt);
}

/** A kiosk's place: its name in the hall's set-up; null if it has none. */
export function kioskPlace(state: HallState, deviceId: string): string | null {
  return state.setup.kiosks?.find((k) => k.deviceId === deviceId)?.name ?? null;
}
