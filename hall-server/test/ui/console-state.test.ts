import type { StaffTicketView, WindowActionReply, WindowSummaryReply, WindowView } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import {
  consoleReducer,
  initialConsoleState,
  press,
  RECALL_FLASH_MS,
  undoSecondsLeft,
  type ConsoleEvent,
  type ConsoleState,
} from '../../ui/console/console-state';

// The window console's state, turn by turn, on a clock the test moves by hand.

const T0 = 1_000_000;

const windowView = (over: Partial<WindowView> = {}): WindowView => ({
  no: 3,
  name: '民政窗口',
  department: '县民政局',
  categories: ['H'],
  routing: 'fifo',
  state: 'open',
  pauseReason: null,
  pauseUntil: null,
  servingNumber: null,
  staff: { staffNo: '1003', name: '王芳' },
  extendedService: false,
  ...over,
});

const ticket = (number: string, over: Partial<StaffTicketView> = {}): StaffTicketView => ({
  id: `id-${number}`,
  number,
  category: 'H',
  categoryName: '民政',
  status: 'called',
  priority: null,
  serviceDate: '2026-11-25',
  issuedAt: '2026-11-25T01:00:00.000Z',
  targetWindowNo: null,
  windowNo: 3,
  calledAt: '2026-11-25T02:00:00.000Z',
  finishedAt: null,
  transfer: null,
  ...over,
});

const summary = (over: Partial<WindowSummaryReply> = {}): WindowSummaryReply => ({
  window: windowView(),
  current: null,
  queue: [],
  noShows: [],
  waiting: [{ code: 'H', waiting: 2 }],
  sentHere: 0,
  servedToday: 0,
  averageHandlingMinutes: null,
  ...over,
});

/** The window serving `t`: the reply to 叫号, 重呼, 撤销过号. */
const serving = (t: StaffTicketView): WindowActionReply => ({ window: windowView({ servingNumber: t.number }), ticket: t });
/** The window free again after `t`: the reply to 办结, 过号, 转移. */
const freed = (t: StaffTicketView): WindowActionReply => ({ window: windowView(), ticket: t });

const run = (...events: ConsoleEvent[]): ConsoleState => events.reduce(consoleReducer, initialConsoleState(T0));
const idle = () => run({ type: 'summary', summary: summary() });
const h1 = ticket('H001');
const inHand = () => run({ type: 'summary', summary: summary({ window: windowView({ servingNumber: 'H001' }), current: h1 }) });

describe('pressing an action', () => {
  it('sends what makes sense, opens a dialog for what needs one, ignores the rest', () => {
    expect(press(initialConsoleState(T0), 'call-next')).toEqual({ kind: 'ignore' });
    expect(press(idle(), 'call-next')).toEqual({ kind: 'send' });
    expect(press(idle(), 'recall')).toEqual({ kind: 'ignore' });
    expect(press(idle(), 'call')).toEqual({ kind: 'dialog', dialog: 'call' });
    expect(press(inHand(), 'transfer')).toEqual({ kind: 'dialog', dialog: 'transfer' });
    expect(press(inHand(), 'call-next')).toEqual({ kind: 'ignore' });
  });

  it('queues a key pressed while a request is on its way', () => {
    expect(press(consoleReducer(idle(), { type: 'sending', fromDialog: false }), 'call-next')).toEqual({ kind: 'queue' });
  });

  it('finishes with the case number typed, trimmed, or none', () => {
    expect(press(inHand(), 'finish')).toEqual({ kind: 'send', body: {} });
    expect(press(consoleReducer(inHand(), { type: 'caseNo', text: '  MZ-17 ' }), 'finish')).toEqual({ kind: 'send', body: { caseNo: 'MZ-17' } });
  });

  it('finishes with the 事项 chosen for the ticket in hand, and sends it with nothing else', () => {
    const typed = consoleReducer(inHand(), { type: 'caseNo', text: 'MZ-17' });
    expect(press(typed, 'finish', 'A-02')).toEqual({ kind: 'send', body: { caseNo: 'MZ-17', itemCode: 'A-02' } });
    expect(press(inHand(), 'finish', 'A-02')).toEqual({ kind: 'send', body: { itemCode: 'A-02' } });
    expect(press(inHand(), 'recall', 'A-02')).toEqual({ kind: 'send' });
  });
});

describe('replies', () => {
  it('shows the called ticket at once, and clears the last notice when a request goes out', () => {
    let state = consoleReducer(idle(), { type: 'problem', message: '网络连接中断' });
    state = consoleReducer(state, { type: 'sending', fromDialog: false });
    expect(state).toMatchObject({ busy: true, notice: null });
    state = consoleReducer(state, { type: 'replied', action: 'call-next', reply: serving(h1), now: T0 });
    expect(state.busy).toBe(false);
    expect(state.summary?.current).toEqual(h1);
    expect(state.summary?.window.servingNumber).toBe(h1.number);
  });

  it('says what 办结 did and clears the case number', () => {
    let state = consoleReducer(inHand(), { type: 'caseNo', text: 'MZ-17' });
    state = consoleReducer(state, { type: 'replied', action: 'finish', reply: freed({ ...h1, status: 'finished' }), now: T0 });
    expect(state).toMatchObject({ caseNo: '', notice: { kind: 'done', action: 'finish', number: 'H001' } });
    expect(state.summary?.current).toBeNull();
  });

  it('keeps a dialog open with its refusal; a direct action’s refusal goes to the notice', () => {
    let state = consoleReducer(idle(), { type: 'openDialog', dialog: 'call' });
    state = consoleReducer(state, { type: 'sending', fromDialog: true });
    state = consoleReducer(state, { type: 'refused', message: '没有找到这张号票' });
    expect(state).toMatchObject({ dialog: 'call', dialogProblem: '没有找到这张号票', busy: false, notice: null });
    state = consoleReducer(state, { type: 'replied', action: 'call', reply: serving(h1), now: T0 });
    expect(state).toMatchObject({ dialog: null, dialogProblem: null });

    const direct = consoleReducer(consoleReducer(idle(), { type: 'sending', fromDialog: false }), { type: 'refused', message: '当前没有等候的群众' });
    expect(direct.notice).toEqual({ kind: 'error', message: '当前没有等候的群众' });
  });

  it('names where a transfer went', () => {
    const state = consoleReducer(inHand(), { type: 'replied', action: 'transfer', reply: freed({ ...h1, status: 'waiting', targetWindowNo: 19 }), now: T0 });
    expect(state.notice).toEqual({ kind: 'transferred', number: 'H001', toWindowNo: 19, toCategory: 'H' });
  });

  it('closes the transfer dialog when the ticket in hand is gone (finished from elsewhere, session moved)', () => {
    const state = consoleReducer(inHand(), { type: 'openDialog', dialog: 'transfer' });
    expect(consoleReducer(state, { type: 'summary', summary: summary() }).dialog).toBeNull();
    expect(consoleReducer(idle(), { type: 'openDialog', dialog: 'pause' }).dialog).toBe('pause');
  });

  it('shows the visitor’s rating, or its absence', () => {
    const rated = consoleReducer(idle(), { type: 'evaluated', recorded: { ticketId: h1.id, number: 'H001', windowNo: 3, status: 'rated', level: 'satisfied', channel: 'pad' } });
    expect(rated.notice).toEqual({ kind: 'rated', number: 'H001', level: 'satisfied' });
    const unrated = consoleReducer(idle(), { type: 'evaluated', recorded: { ticketId: h1.id, number: 'H001', windowNo: 3, status: 'unrated', level: null, channel: null } });
    expect(unrated.notice).toEqual({ kind: 'rated', number: 'H001', level: null });
  });
});

describe('重呼 feedback', () => {
  it('flashes "已重呼" for a few seconds', () => {
    let state = consoleReducer(inHand(), { type: 'replied', action: 'recall', reply: serving(h1), now: T0 });
    expect(state.recalled).toEqual({ number: 'H001', until: T0 + RECALL_FLASH_MS });
    expect(state.notice).toEqual({ kind: 'done', action: 'recall', number: 'H001' });
    state = consoleReducer(state, { type: 'tick', now: T0 + RECALL_FLASH_MS - 1 });
    expect(state.recalled).not.toBeNull();
    expect(consoleReducer(state, { type: 'tick', now: T0 + RECALL_FLASH_MS }).recalled).toBeNull();
  });
});

describe('undoing a 过号', () => {
  const afterNoShow = () => consoleReducer(inHand(), { type: 'replied', action: 'no-show', reply: freed({ ...h1, status: 'no_show' }), now: T0 });

  it('is offered for the server’s ten seconds, counting down', () => {
    const state = afterNoShow();
    expect(state.undo).toEqual({ number: 'H001', until: T0 + 10_000 });
    expect(undoSecondsLeft(state)).toBe(10);
    expect(undoSecondsLeft(consoleReducer(state, { type: 'tick', now: T0 + 3_200 }))).toBe(7);
    const over = consoleReducer(state, { type: 'tick', now: T0 + 10_000 });
    expect(over.undo).toBeNull();
    expect(undoSecondsLeft(over)).toBe(0);
  });

  it('ends when the window calls someone, here or as the summary tells', () => {
    const h2 = ticket('H002');
    expect(consoleReducer(afterNoShow(), { type: 'replied', action: 'call-next', reply: serving(h2), now: T0 + 1_000 }).undo).toBeNull();
    const called = summary({ window: windowView({ servingNumber: h2.number }), current: h2 });
    expect(consoleReducer(afterNoShow(), { type: 'summary', summary: called }).undo).toBeNull();
  });

  it('puts the ticket back in hand when the server agrees, and survives a refusal', () => {
    const refused = consoleReducer(consoleReducer(afterNoShow(), { type: 'sending', fromDialog: false }), { type: 'refused', message: '过号已超过 10 秒' });
    expect(refused.undo).not.toBeNull();
    const undone = consoleReducer(afterNoShow(), { type: 'replied', action: 'undo-no-show', reply: serving(h1), now: T0 + 2_000 });
    expect(undone).toMatchObject({ undo: null, notice: { kind: 'done', action: 'undo-no-show', number: 'H001' } });
    expect(undone.summary?.current).toEqual(h1);
  });
});
