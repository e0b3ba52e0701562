import {
  NO_SHOW_UNDO_SECONDS,
  type EvaluationRecorded,
  type SatisfactionLevel,
  type WindowAction,
  type WindowActionReply,
  type WindowSummaryReply,
} from '@hall/shared';
import { actionEnabled, type ConsoleAction, type DialogKind } from './actions';

// The window console's state, as a pure reducer so every turn can be tested without a browser:
// the window's day as last heard, the request in flight, the open dialog, what the last step
// did (or why it was refused), the 重呼 flash and the offer to undo a 过号. Times are the
// console's clock corrected to the server's (`now` in the actions).

/** How long the ticket panel says "已重呼" after a 重呼: long enough to see it, gone before the next. */
export const RECALL_FLASH_MS = 3_000;

/** What the last step did, or why it was refused; the component turns it into words. */
export type ConsoleNotice =
  | { kind: 'error'; message: string }
  | { kind: 'done'; action: 'finish' | 'no-show' | 'request-evaluation' | 'reactivate' | 'recall' | 'undo-no-show'; number: string }
  | { kind: 'transferred'; number: string; toWindowNo: number | null; toCategory: string }
  | { kind: 'rated'; number: string; level: SatisfactionLevel | null }
  | { kind: 'pin-changed' };

export interface ConsoleState {
  summary: WindowSummaryReply | null;
  /** A request is on its way: one at a time. */
  busy: boolean;
  dialog: DialogKind | null;
  /** The refusal of the dialog's last attempt, shown inside it. */
  dialogProblem: string | null;
  notice: ConsoleNotice | null;
  caseNo: string;
  /** 重呼 was just sent for this number: the ticket panel says so until `until`. */
  recalled: { number: string; until: number } | null;
  /** The last 过号, while it may still be undone (the server's rule: NO_SHOW_UNDO_SECONDS). */
  undo: { number: string; until: number } | null;
  now: number;
}

export type ConsoleEvent =
  /** `GET /api/windows/:no` answered. */
  | { type: 'summary'; summary: WindowSummaryReply }
  | { type: 'tick'; now: number }
  | { type: 'openDialog'; dialog: DialogKind }
  | { type: 'closeDialog' }
  | { type: 'caseNo'; text: string }
  | { type: 'dismiss' }
  /** A request went out; `fromDialog` keeps the notice and clears the dialog's refusal instead. */
  | { type: 'sending'; fromDialog: boolean }
  | { type: 'replied'; action: WindowAction; reply: WindowActionReply; now: number }
  | { type: 'refused'; message: string }
  /** The request was dropped (the session ended): nothing to say here, sign-in says it. */
  | { type: 'dropped' }
  /** The visitor's answer at the pad, or its silence. */
  | { type: 'evaluated'; recorded: EvaluationRecorded }
  /** A problem outside a window action (signing out). */
  | { type: 'problem'; message: string }
  /** 修改密码 went through. */
  | { type: 'pinChanged' };

export const initialConsoleState = (now: number): ConsoleState => ({
  summary: null,
  busy: false,
  dialog: null,
  dialogProblem: null,
  notice: null,
  caseNo: '',
  recalled: null,
  undo: null,
  now,
});

/** What pressing an action (button or key) does now. */
export type Press = { kind: 'queue' } | { kind: 'ignore' } | { kind: 'dialog'; dialog: DialogKind } | { kind: 'send'; body?: unknown };

const DIALOGS: readonly ConsoleAction[] = ['transfer', 'pause', 'call', 'reactivate'];
const isDialog = (action: ConsoleAction): action is DialogKind => DIALOGS.includes(action);

/** `itemCode`: the 事项 chosen for the ticket in hand (the console remembers it per category). */
export function press(state: ConsoleState, action: ConsoleAction, itemCode: string | null = null): Press {
  // A key pressed while a request is on its way (办结 then at once 叫号) runs after it.
  if (state.busy) return { kind: 'queue' };
  const window = state.summary?.window;
  if (!window || !actionEnabled(action, window)) return { kind: 'ignore' };
  if (isDialog(action)) return { kind: 'dialog', dialog: action };
  if (action === 'finish') {
    const caseNo = state.caseNo.trim();
    return { kind: 'send', body: { ...(caseNo ? { caseNo } : {}), ...(itemCode ? { itemCode } : {}) } };
  }
  return { kind: 'send' };
}

/** The summary with an action's reply in it: the window as it now stands, its ticket in hand. */
function withReply(summary: WindowSummaryReply | null, reply: WindowActionReply): WindowSummaryReply | null {
  if (summary === null) return null;
  const { window, ticket } = reply;
  // A window shows the number it serves, not the ticket's id; numbers are unique within the day.
  const current = window.servingNumber === null ? null : ticket?.number === window.servingNumber ? ticket : summary.current;
  return { ...summary, window, current };
}

function noticeFor(action: WindowAction, reply: WindowActionReply): ConsoleNotice | null {
  const number = reply.ticket?.number;
  if (!number) return null;
  switch (action) {
    case 'finish':
    case 'no-show':
    case 'request-evaluation':
    case 'reactivate':
    case 'recall':
    case 'undo-no-show':
      return { kind: 'done', action, number };
    case 'transfer':
      return { kind: 'transferred', number, toWindowNo: reply.ticket!.targetWindowNo, toCategory: reply.ticket!.category };
    default:
      return null;
  }
}

function replied(state: ConsoleState, action: WindowAction, reply: WindowActionReply, now: number): ConsoleState {
  const number = reply.ticket?.number ?? null;
  const summary = withReply(state.summary, reply);
  return {
    ...state,
    now,
    busy: false,
    summary,
    dialog: null,
    dialogProblem: null,
    notice: noticeFor(action, reply),
    caseNo: action === 'finish' ? '' : state.caseNo,
    recalled: action === 'recall' && number ? { number, until: now + RECALL_FLASH_MS } : null,
    // A 过号 may be undone for a while; anything else the window does ends the offer (the
    // server refuses it too once someone else is called).
    undo: action === 'no-show' && number ? { number, until: now + NO_SHOW_UNDO_SECONDS * 1000 } : null,
  };
}

/** Ends what time or the window's state has made stale. */
function settle(state: ConsoleState): ConsoleState {
  let next = state;
  if (next.recalled && next.now >= next.recalled.until) next = { ...next, recalled: null };
  if (next.undo && (next.now >= next.undo.until || next.summary?.window.servingNumber)) next = { ...next, undo: null };
  // The transfer dialog is about the ticket in hand; with none left it has nothing to show.
  if (next.dialog === 'transfer' && next.summary !== null && next.summary.current === null) next = { ...next, dialog: null };
  return next;
}

function after(state: ConsoleState, event: ConsoleEvent): ConsoleState {
  switch (event.type) {
    case 'summary':
      return { ...state, summary: event.summary };
    case 'tick':
      return { ...state, now: event.now };
    case 'openDialog':
      return { ...state, dialog: event.dialog, dialogProblem: null };
    case 'closeDialog':
      return { ...state, dialog: null, dialogProblem: null };
    case 'caseNo':
      return { ...state, caseNo: event.text };
    case 'dismiss':
      return { ...state, notice: null };
    case 'sending':
      return event.fromDialog ? { ...state, busy: true, dialogProblem: null } : { ...state, busy: true, notice: null };
    case 'replied':
      return replied(state, event.action, event.reply, event.now);
    case 'refused':
      return state.dialog !== null
        ? { ...state, busy: false, dialogProblem: event.message }
        : { ...state, busy: false, notice: { kind: 'error', message: event.message } };
    case 'dropped':
      return { ...state, busy: false };
    case 'evaluated': {
      const { number, status, level } = event.recorded;
      return { ...state, notice: { kind: 'rated', number, level: status === 'rated' ? level : null } };
    }
    case 'problem':
      return { ...state, notice: { kind: 'error', message: event.message } };
    case 'pinChanged':
      return { ...state, notice: { kind: 'pin-changed' } };
  }
}

export function consoleReducer(state: ConsoleState, event: ConsoleEvent): ConsoleState {
  return settle(after(state, event));
}

/** Whole seconds left to undo the last 过号; 0 when there is nothing to undo. */
export function undoSecondsLeft(state: ConsoleState): number {
  return state.undo ? Math.max(0, Math.ceil((state.undo.until - state.now) / 1000)) : 0;
}
