import * as domain from '../domain';
import type { Ticket, TransferTarget, WindowStatus } from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';

// What window staff do at their window: call, recall, finish, transfer, pause, sign in and out.

export interface AtWindow {
  windowNo: number;
  staffNo: string;
}

export const windowCommands = (rt: HallRuntime) => ({
  callNext: (at: AtWindow): Ticket => rt.run((s, ctx) => domain.callNext(s, at, ctx)).result,
  callNumber: (at: AtWindow, number: string): Ticket => rt.run((s, ctx) => domain.callNumber(s, { ...at, number }, ctx)).result,
  recall: (at: AtWindow): Ticket => rt.run((s, ctx) => domain.recall(s, at, ctx)).result,
  markNoShow: (at: AtWindow): Ticket => rt.run((s, ctx) => domain.markNoShow(s, at, ctx)).result,
  finish: (at: AtWindow, caseNo: string | null, itemCode: string | null = null): Ticket =>
    rt.run((s, ctx) => domain.finish(s, { ...at, caseNo, itemCode }, ctx)).result,
  transfer: (at: AtWindow, target: TransferTarget, note: string | null): Ticket =>
    rt.run((s, ctx) => domain.transfer(s, { ...at, target, note }, ctx)).result,
  undoNoShow: (at: AtWindow, number: string): Ticket => rt.run((s, ctx) => domain.undoNoShow(s, { ...at, number }, ctx)).result,
  reactivate: (at: AtWindow, number: string): Ticket => rt.run((s, ctx) => domain.reactivate(s, { ...at, number }, ctx)).result,
  pause: (at: AtWindow, reason: string, until: string | null): WindowStatus => rt.run((s, ctx) => domain.pause(s, { ...at, reason, until }, ctx)).result,
  resume: (at: AtWindow): WindowStatus => rt.run((s, ctx) => domain.resume(s, at, ctx)).result,
  extendService: (at: AtWindow): WindowStatus => rt.run((s, ctx) => domain.extendService(s, at, ctx)).result,
  /** `alsoWrite` lets the session store open the staff session in the same transaction. */
  signIn: (at: AtWindow, alsoWrite: (at: number) => void): WindowStatus => rt.run((s, ctx) => domain.signIn(s, at, ctx), (_o, now) => alsoWrite(now)).result,
  signOut: (at: AtWindow, alsoWrite: (at: number) => void): WindowStatus => rt.run((s, ctx) => domain.signOut(s, at, ctx), (_o, now) => alsoWrite(now)).result,
});
