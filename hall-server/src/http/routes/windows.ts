import {
  CallNumberBody,
  FinishBody,
  PauseBody,
  ReactivateBody,
  TransferBody,
  UndoNoShowBody,
  type WindowAction,
  type WindowActionReply,
  type WindowSummaryReply,
} from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Ticket } from '../../domain';
import type { Hall } from '../../runtime/hall';
import { windowStaff } from '../access';
import type { HttpDeps } from '../app';
import { WindowPath } from '../paths';
import { parse } from '../parse';


type At = { windowNo: number; staffNo: string };

/** Each action of the window console; those that concern no ticket answer null. */
const actions: Record<WindowAction, (hall: Hall, at: At, body: unknown) => Ticket | null> = {
  'call-next': (hall, at) => hall.callNext(at),
  call: (hall, at, body) => hall.callNumber(at, parse(CallNumberBody, body).number),
  recall: (hall, at) => hall.recall(at),
  'no-show': (hall, at) => hall.markNoShow(at),
  finish: (hall, at, body) => {
    const { caseNo, itemCode } = parse(FinishBody, body);
    return hall.finish(at, caseNo ?? null, itemCode ?? null);
  },
  transfer: (hall, at, body) => {
    const { toCategory, toWindow, note } = parse(TransferBody, body);
    const target = toWindow !== undefined ? { toWindowNo: toWindow } : { toCategory: toCategory! };
    return hall.transfer(at, target, note || null);
  },
  reactivate: (hall, at, body) => hall.reactivate(at, parse(ReactivateBody, body).number),
  pause: (hall, at, body) => {
    const { reason, until } = parse(PauseBody, body);
    hall.pause(at, reason, until ?? null);
    return null;
  },
  resume: (hall, at) => {
    hall.resume(at);
    return null;
  },
  'extend-service': (hall, at) => {
    hall.extendService(at);
    return null;
  },
  'request-evaluation': (hall, at) => hall.requestEvaluation(at),
  'undo-no-show': (hall, at, body) => hall.undoNoShow(at, parse(UndoNoShowBody, body).number),
};

export const windowRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    // The window's own session only (the access table): a removed window ended its sessions, so
    // its console hears UNAUTHORIZED (back to the sign-in form), not a WINDOW_NOT_FOUND.

    // Its queue carries the notes staff leave on transfers.
    app.get('/api/windows/:no', async (request): Promise<WindowSummaryReply> => hall.windowSummary(parse(WindowPath, request.params).no));

    for (const [action, handle] of Object.entries(actions)) {
      app.post(`/api/windows/:no/${action}`, async (request): Promise<WindowActionReply> => {
        const { no } = parse(WindowPath, request.params);
        const ticket = handle(hall, { windowNo: no, staffNo: windowStaff(request).staffNo }, request.body ?? {});
        return { window: hall.window(no), ticket: ticket ? hall.staffTicketView(ticket) : null };
      });
    }
  };
