import type { EvaluationRecorded, EvaluationRequested, HallSnapshot } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { initialOf } from '../src/renderer/pad/initials';
import { padWindowNo } from '../src/renderer/pad/pad-address';
import {
  actionForEvent,
  heldChange,
  heldRatingBody,
  initialPadState,
  padReducer,
  poorRatingBody,
  PROBLEM_MS,
  secondsLeft,
  THANKS_MS,
  type PadAction,
  type PadState,
} from '../src/renderer/pad/pad-state';

// The evaluation pad's screens, turn by turn, on a clock the test moves by hand.

const T0 = 1_000_000;

function request(ticketId = 't-1', secondsLeft = 30): EvaluationRequested {
  return { ticketId, number: 'A001', windowNo: 1, staff: { staffNo: '1001', name: '王芳' }, caseNo: null, secondsLeft };
}

function recorded(ticketId: string, status: 'rated' | 'unrated'): EvaluationRecorded {
  return { ticketId, number: 'A001', windowNo: 1, status, level: status === 'rated' ? 'satisfied' : null, channel: status === 'rated' ? 'phone' : null };
}

const run = (...actions: PadAction[]): PadState => actions.reduce(padReducer, initialPadState(T0));
const asking = (secs = 30) => run({ type: 'requested', request: request('t-1', secs), now: T0 });

describe('the pad between visitors and when a window finishes a ticket', () => {
  it('starts idle and asks when a ticket is finished, counting down the server’s time', () => {
    expect(initialPadState(T0).screen.kind).toBe('idle');
    const state = asking();
    expect(state.screen).toMatchObject({ kind: 'asking', request: { ticketId: 't-1' }, deadline: T0 + 30_000, sending: false });
    expect(secondsLeft(state)).toBe(30);
    expect(secondsLeft(padReducer(state, { type: 'tick', now: T0 + 10_400 }))).toBe(20);
  });

  it('stops asking when the time runs out, without waiting for the server', () => {
    const state = asking(10);
    expect(padReducer(state, { type: 'tick', now: T0 + 9_999 }).screen.kind).toBe('asking');
    expect(padReducer(state, { type: 'tick', now: T0 + 10_000 }).screen.kind).toBe('idle');
  });

  it('thanks the visitor when the server records what the pad held as its time ran out', () => {
    const reason = run({ type: 'requested', request: request(), now: T0 }, { type: 'pick', level: 'very_dissatisfied', now: T0 });
    const held: EvaluationRecorded = { ...recorded('t-1', 'rated'), level: 'very_dissatisfied', channel: 'pad' };
    expect(padReducer(reason, { type: 'recorded', recorded: held, now: T0 + 61_000 }).screen).toMatchObject({ kind: 'thanks', level: 'very_dissatisfied', until: T0 + 61_000 + THANKS_MS });
  });

  it('goes idle when the server records the shown ticket as 未评价, or as rated from the phone page', () => {
    expect(padReducer(asking(), { type: 'recorded', recorded: recorded('t-1', 'unrated'), now: T0 }).screen.kind).toBe('idle');
    expect(padReducer(asking(), { type: 'recorded', recorded: recorded('t-1', 'rated'), now: T0 }).screen.kind).toBe('idle');
    const reason = padReducer(asking(), { type: 'pick', level: 'dissatisfied', now: T0 });
    expect(padReducer(reason, { type: 'recorded', recorded: recorded('t-1', 'unrated'), now: T0 }).screen.kind).toBe('idle');
  });

  it('ignores news about some other ticket', () => {
    const state = asking();
    expect(padReducer(state, { type: 'recorded', recorded: recorded('t-0', 'unrated'), now: T0 })).toBe(state);
  });

  it('asks about the next visitor’s ticket even if the last one was still open', () => {
    const state = padReducer(asking(), { type: 'requested', request: { ...request('t-2'), number: 'A002' }, now: T0 + 5_000 });
    expect(state.screen).toMatchObject({ kind: 'asking', request: { ticketId: 't-2', number: 'A002' }, deadline: T0 + 35_000 });
  });

  it('does not ask about a request whose time is already over', () => {
    expect(run({ type: 'requested', request: request('t-1', 0), now: T0 }).screen.kind).toBe('idle');
  });
});

describe('a reload or reconnect in the middle of a request', () => {
  it('asks again about the request the snapshot carries', () => {
    const state = run({ type: 'snapshot', evaluation: request('t-1', 12), now: T0 });
    expect(state.screen).toMatchObject({ kind: 'asking', request: { ticketId: 't-1' } });
    expect(secondsLeft(state)).toBe(12);
  });

  it('keeps the visitor’s half-chosen reasons when the same request comes again, with the new time', () => {
    const chosen = run(
      { type: 'requested', request: request(), now: T0 },
      { type: 'pick', level: 'very_dissatisfied', now: T0 },
      { type: 'toggleReason', reason: 'slow', now: T0 },
      { type: 'snapshot', evaluation: request('t-1', 20), now: T0 + 3_000 },
    );
    expect(chosen.screen).toMatchObject({ kind: 'reason', level: 'very_dissatisfied', reasons: ['slow'], deadline: T0 + 23_000 });
  });

  it('stops asking when the snapshot shows the request was closed meanwhile', () => {
    expect(padReducer(asking(), { type: 'snapshot', evaluation: null, now: T0 + 1_000 }).screen.kind).toBe('idle');
  });
});

describe('a poor level touched: the server holds it and its clock is the pad’s', () => {
  const touches: PadAction[] = [
    { type: 'toggleReason', reason: 'slow', now: 0 },
    { type: 'panel', panel: 'comment', now: 0 },
    { type: 'phrase', phrase: { key: 'leftPost', reason: 'slow' }, text: '工作人员不在岗', separator: '，', now: 0 },
    { type: 'digit', digit: '3', separator: '，', now: 0 },
    { type: 'delete', now: 0 },
    { type: 'panel', panel: 'phone', now: 0 },
    { type: 'noPhone', now: 0 },
    { type: 'back', now: 0 },
  ];

  it('gives the 60 s the server allows from its answer to the hold, though the question had 30', () => {
    const reason = padReducer(asking(30), { type: 'pick', level: 'dissatisfied', now: T0 + 25_000 });
    const held = padReducer(reason, { type: 'held', request: request('t-1', 60), now: T0 + 25_200 });
    expect(held.screen).toMatchObject({ kind: 'reason', deadline: T0 + 85_200 });
    expect(secondsLeft(held)).toBe(60);
    expect(padReducer(held, { type: 'tick', now: T0 + 85_199 }).screen.kind).toBe('reason');
  });

  it.each(touches.map((touch) => [touch.type === 'panel' ? `panel ${touch.panel}` : touch.type, touch] as const))(
    'never asks past the server’s time on its own: %s with its hold lost keeps the deadline the server last gave',
    (_name, touch) => {
      const reason = padReducer(asking(30), { type: 'pick', level: 'dissatisfied', now: T0 });
      const held = padReducer(reason, { type: 'held', request: request('t-1', 60), now: T0 });
      const after = padReducer(held, { ...touch, now: T0 + 50_000 } as PadAction);
      expect(after.screen).toMatchObject({ deadline: T0 + 60_000 });
      expect(padReducer(after, { type: 'tick', now: T0 + 60_000 }).screen.kind).toBe('idle');
    },
  );

  it('never shortens the time the server gave', () => {
    const reason = padReducer(asking(200), { type: 'pick', level: 'dissatisfied', now: T0 });
    expect(reason.screen).toMatchObject({ deadline: T0 + 200_000 });
  });

  it('takes the server’s time from each answer to a hold, for the ticket shown only', () => {
    const reason = padReducer(asking(30), { type: 'pick', level: 'dissatisfied', now: T0 });
    const first = padReducer(reason, { type: 'held', request: request('t-1', 60), now: T0 + 1_000 });
    expect(first.screen).toMatchObject({ deadline: T0 + 61_000 });
    expect(padReducer(first, { type: 'held', request: request('t-1', 59), now: T0 + 3_000 }).screen).toMatchObject({ deadline: T0 + 62_000 });
    expect(padReducer(reason, { type: 'held', request: request('t-2', 90), now: T0 + 1_000 }).screen).toBe(reason.screen);
  });

  it('holds what each touch chose, and lets the level go on 返回', () => {
    const start = asking(30);
    const reason = padReducer(start, { type: 'pick', level: 'very_dissatisfied', now: T0 });
    expect(heldChange(start.screen, reason.screen)).toEqual({ kind: 'hold', body: { ticketId: 't-1', level: 'very_dissatisfied', reasons: [] } });
    const ticked = padReducer(reason, { type: 'toggleReason', reason: 'attitude', now: T0 });
    expect(heldChange(reason.screen, ticked.screen)).toEqual({ kind: 'hold', body: { ticketId: 't-1', level: 'very_dissatisfied', reasons: ['attitude'] } });
    const back = padReducer(ticked, { type: 'back', now: T0 });
    expect(heldChange(ticked.screen, back.screen)).toEqual({ kind: 'release', body: { ticketId: 't-1' } });
    // A good level then is a rating of its own; nothing is held or let go meanwhile.
    expect(heldChange(back.screen, padReducer(back, { type: 'pick', level: 'satisfied', now: T0 }).screen)).toBeNull();
    expect(heldChange(ticked.screen, padReducer(ticked, { type: 'sending', ticketId: 't-1' }).screen)).toBeNull();
  });

  it('holds the level at once, and all chosen so far after every touch; nothing while a rating is on its way', () => {
    const reason = padReducer(asking(), { type: 'pick', level: 'very_dissatisfied', now: T0 });
    expect(heldRatingBody(reason.screen)).toEqual({ ticketId: 't-1', level: 'very_dissatisfied', reasons: [] });
    const more = run(
      { type: 'requested', request: request(), now: T0 },
      { type: 'pick', level: 'very_dissatisfied', now: T0 },
      { type: 'panel', panel: 'phone', now: T0 },
      ...[...'13812345678'].map((digit): PadAction => ({ type: 'digit', digit, separator: '，', now: T0 })),
    );
    expect(heldRatingBody(more.screen)).toEqual({ ticketId: 't-1', level: 'very_dissatisfied', reasons: [], callbackPhone: '13812345678' });
    expect(heldRatingBody(asking().screen)).toBeNull();
    expect(heldRatingBody(padReducer(reason, { type: 'sending', ticketId: 't-1' }).screen)).toBeNull();
  });
});

describe('rating', () => {
  it('asks a reason of a poor level only, and lets the visitor go back and choose again', () => {
    expect(padReducer(asking(), { type: 'pick', level: 'satisfied', now: T0 }).screen.kind).toBe('asking');
    const reason = padReducer(asking(), { type: 'pick', level: 'dissatisfied', now: T0 });
    expect(reason.screen).toMatchObject({ kind: 'reason', level: 'dissatisfied', reasons: [], comment: [], phone: '', panel: 'reasons' });
    expect(poorRatingBody(reason.screen)).toBeNull();
    const back = padReducer(reason, { type: 'back', now: T0 });
    expect(back.screen).toMatchObject({ kind: 'asking', request: { ticketId: 't-1' }, deadline: T0 + 30_000 });
  });

  it('builds the body of a poor rating: reasons as ticked, the comment from phrases and digits, a valid number', () => {
    let state = run(
      { type: 'requested', request: request(), now: T0 },
      { type: 'pick', level: 'dissatisfied', now: T0 },
      { type: 'toggleReason', reason: 'attitude', now: T0 },
      { type: 'panel', panel: 'comment', now: T0 },
      { type: 'phrase', phrase: { key: 'waitLong', reason: 'slow' }, text: '等候时间太长', separator: '，', now: T0 },
      { type: 'digit', digit: '4', separator: '，', now: T0 },
      { type: 'digit', digit: '0', separator: '，', now: T0 },
      { type: 'phrase', phrase: { key: 'callMe', reason: 'other' }, text: '请尽快联系我', separator: '，', now: T0 },
      { type: 'panel', panel: 'reasons', now: T0 },
    );
    // A phrase ticks the reason it belongs to.
    expect(poorRatingBody(state.screen)).toEqual({ ticketId: 't-1', level: 'dissatisfied', reasons: ['attitude', 'slow', 'other'], comment: '等候时间太长，40，请尽快联系我' });
    state = padReducer(state, { type: 'panel', panel: 'comment', now: T0 });
    state = padReducer(state, { type: 'delete', now: T0 });
    state = padReducer(state, { type: 'delete', now: T0 });
    expect(poorRatingBody(state.screen)).toMatchObject({ comment: '等候时间太长，4' });
    state = padReducer(state, { type: 'toggleReason', reason: 'slow', now: T0 });
    state = padReducer(state, { type: 'toggleReason', reason: 'attitude', now: T0 });
    state = padReducer(state, { type: 'toggleReason', reason: 'other', now: T0 });
    expect(poorRatingBody(state.screen)).toBeNull();
  });

  it('takes a call-back number on its keypad, says at once when it is not one, and sends only a valid one', () => {
    const typed = (digits: string, from: PadState) =>
      [...digits].reduce((s, digit) => padReducer(s, { type: 'digit', digit, separator: '，', now: T0 }), padReducer(from, { type: 'panel', panel: 'phone', now: T0 }));
    const base = run({ type: 'requested', request: request(), now: T0 }, { type: 'pick', level: 'very_dissatisfied', now: T0 }, { type: 'toggleReason', reason: 'attitude', now: T0 });
    const short = padReducer(typed('1381234', base), { type: 'panel', panel: 'reasons', now: T0 });
    expect(short.screen).toMatchObject({ panel: 'phone', phoneInvalid: true });
    expect(poorRatingBody(short.screen)).not.toHaveProperty('callbackPhone');
    const mobile = padReducer(typed('13812345678', base), { type: 'panel', panel: 'reasons', now: T0 });
    expect(mobile.screen).toMatchObject({ panel: 'reasons', phoneInvalid: false, comment: [] });
    expect(poorRatingBody(mobile.screen)).toEqual({ ticketId: 't-1', level: 'very_dissatisfied', reasons: ['attitude'], callbackPhone: '13812345678' });
    const landline = padReducer(typed('075512345678', base), { type: 'panel', panel: 'reasons', now: T0 });
    expect(poorRatingBody(landline.screen)).toMatchObject({ callbackPhone: '075512345678' });
    // 不留电话 drops it.
    expect(poorRatingBody(padReducer(mobile, { type: 'noPhone', now: T0 }).screen)).not.toHaveProperty('callbackPhone');
  });

  it('thanks the visitor once the server has the rating, then goes idle', () => {
    const sending = padReducer(asking(), { type: 'sending', ticketId: 't-1' });
    expect(sending.screen).toMatchObject({ kind: 'asking', sending: true });
    const thanks = padReducer(sending, { type: 'rated', ticketId: 't-1', level: 'satisfied', now: T0 + 2_000 });
    expect(thanks.screen).toMatchObject({ kind: 'thanks', level: 'satisfied' });
    expect(padReducer(thanks, { type: 'tick', now: T0 + 2_000 + THANKS_MS - 1 }).screen.kind).toBe('thanks');
    expect(padReducer(thanks, { type: 'tick', now: T0 + 2_000 + THANKS_MS }).screen.kind).toBe('idle');
  });

  it('waits for the server’s answer to a rating on its way, past the deadline and past the news of it', () => {
    const sending = padReducer(asking(10), { type: 'sending', ticketId: 't-1' });
    expect(padReducer(sending, { type: 'tick', now: T0 + 11_000 }).screen).toMatchObject({ kind: 'asking', sending: true });
    expect(padReducer(sending, { type: 'recorded', recorded: recorded('t-1', 'rated'), now: T0 }).screen).toMatchObject({ kind: 'asking', sending: true });
    expect(padReducer(sending, { type: 'snapshot', evaluation: null, now: T0 + 1 }).screen).toMatchObject({ kind: 'asking', sending: true });
    // Nor does the reason screen take a second tap meanwhile.
    const reasonSending = run(
      { type: 'requested', request: request(), now: T0 },
      { type: 'pick', level: 'dissatisfied', now: T0 },
      { type: 'toggleReason', reason: 'attitude', now: T0 },
      { type: 'sending', ticketId: 't-1' },
      { type: 'toggleReason', reason: 'slow', now: T0 },
      { type: 'back', now: T0 },
    );
    expect(reasonSending.screen).toMatchObject({ kind: 'reason', reasons: ['attitude'], sending: true });
  });

  it('shows the server’s refusal, then goes idle', () => {
    const sending = padReducer(asking(), { type: 'sending', ticketId: 't-1' });
    const refused = padReducer(sending, { type: 'refused', ticketId: 't-1', message: '这次办事已经评价过了，每次办事只能评价一次', retry: false, now: T0 + 1_000 });
    expect(refused.screen).toMatchObject({ kind: 'problem', message: '这次办事已经评价过了，每次办事只能评价一次' });
    expect(padReducer(refused, { type: 'tick', now: T0 + 1_000 + PROBLEM_MS }).screen.kind).toBe('idle');
  });

  it('lets the visitor tap again when the rating never reached the server', () => {
    const sending = padReducer(asking(), { type: 'sending', ticketId: 't-1' });
    const failed = padReducer(sending, { type: 'refused', ticketId: 't-1', message: '网络不通', retry: true, now: T0 + 1_000 });
    expect(failed.screen).toMatchObject({ kind: 'asking', sending: false, problem: '网络不通' });
    expect(padReducer(failed, { type: 'sending', ticketId: 't-1' }).screen).toMatchObject({ sending: true, problem: null });
  });

  it('does not cover the next visitor’s request with the answer about the last one', () => {
    const next = run(
      { type: 'requested', request: request('t-1'), now: T0 },
      { type: 'sending', ticketId: 't-1' },
      { type: 'requested', request: request('t-2'), now: T0 + 500 },
    );
    expect(next.screen).toMatchObject({ kind: 'asking', request: { ticketId: 't-2' }, sending: false });
    expect(padReducer(next, { type: 'rated', ticketId: 't-1', level: 'satisfied', now: T0 + 600 }).screen).toBe(next.screen);
    expect(padReducer(next, { type: 'refused', ticketId: 't-1', message: 'x', retry: false, now: T0 + 600 }).screen).toBe(next.screen);
  });
});

describe('the feed’s events as the pad of window 1 reads them', () => {
  const snapshot = (evaluation: EvaluationRequested | null) =>
    ({
      hall: '县政务服务中心',
      timezone: 'Asia/Shanghai',
      openingHours: { open: '09:00', close: '17:00' },
      serviceDate: '2026-03-02',
      categories: [],
      windows: [],
      recentCalls: [],
      ticket: null,
      deviceFaults: [],
      duty: { captain: null, guides: [] },
      notice: '',
      evaluation,
      supervisionPhone: '12345',
      at: '2026-03-02T02:00:00.000Z',
      unattendedTickets: 'allow',
      kiosks: [],
      helpRequests: [],
      setupVersion: 1,
      storage: { writable: true, problem: null, since: null },
    }) satisfies HallSnapshot;

  it('turns requests, answers and snapshots of its own window into actions', () => {
    expect(actionForEvent(1, 'evaluation:requested', request(), T0)).toEqual({ type: 'requested', request: request(), now: T0 });
    expect(actionForEvent(1, 'evaluation:recorded', recorded('t-1', 'unrated'), T0)).toEqual({ type: 'recorded', recorded: recorded('t-1', 'unrated'), now: T0 });
    expect(actionForEvent(1, 'hall:snapshot', snapshot(request()), T0)).toEqual({ type: 'snapshot', evaluation: request(), now: T0 });
    expect(actionForEvent(1, 'hall:snapshot', snapshot(null), T0)).toEqual({ type: 'snapshot', evaluation: null, now: T0 });
  });

  it('drops another window’s requests, payloads that do not parse, and events of no concern', () => {
    expect(actionForEvent(2, 'evaluation:requested', request(), T0)).toBeNull();
    expect(actionForEvent(2, 'evaluation:recorded', recorded('t-1', 'rated'), T0)).toBeNull();
    expect(actionForEvent(1, 'evaluation:requested', { ...request(), secondsLeft: -1 }, T0)).toBeNull();
    expect(actionForEvent(1, 'hall:snapshot', { hall: 'x' }, T0)).toBeNull();
    // The server always sends these; a snapshot without one is not the hall's.
    for (const field of ['unattendedTickets', 'kiosks', 'helpRequests']) {
      expect(actionForEvent(1, 'hall:snapshot', { ...snapshot(null), [field]: undefined }, T0)).toBeNull();
    }
    expect(actionForEvent(1, 'notice:changed', { notice: '' }, T0)).toBeNull();
  });
});

describe('the pad’s address', () => {
  it('reads the window from the path', () => {
    expect(padWindowNo('/pad/12')).toBe(12);
    expect(padWindowNo('/pad/3/')).toBe(3);
  });

  it('has no window when the address names none', () => {
    expect(padWindowNo('/pad/0')).toBeNull();
    expect(padWindowNo('/pad/abc')).toBeNull();
    expect(padWindowNo('/pad/')).toBeNull();
  });
});

describe('the initials in the idle screen’s circle', () => {
  it('shows a Chinese name’s first character, however long the name, and a Latin name’s initials', () => {
    expect(initialOf('王芳')).toBe('王');
    expect(initialOf('阿卜杜热合曼·买买提艾力')).toBe('阿');
    expect(initialOf('  欧阳娜娜 ')).toBe('欧');
    expect(initialOf('Maria Gonzalez Ruiz')).toBe('MG');
    expect(initialOf('anna')).toBe('A');
  });
});
