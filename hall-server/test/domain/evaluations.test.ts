import { describe, expect, it } from 'vitest';
import type { PoorRatingReason, SatisfactionLevel } from '@hall/shared';
import {
  PAD_GRACE_MS,
  closeUnansweredEvaluations,
  holdRating,
  followUpProgress,
  rate,
  recordFollowUpStep,
  releaseHeldRating,
  requestEvaluation,
  type FollowUp,
} from '../../src/domain';
import { TestHall, eventsOf, sh } from './fixtures';

// 好差评 at the window: one rating per finished ticket, from the window's own pad while it asks
// (or the phone page until the day ends); silence is 未评价; a poor rating opens a follow-up.

const SECONDS = 1000;

function servedHall(caseNo: string | null = null) {
  const hall = new TestHall({}, sh('2026-03-06 10:00')); // a Friday
  hall.signIn(1);
  hall.signIn(2);
  hall.take('A');
  hall.next(1);
  hall.advance(5);
  const ticket = hall.finish(1, caseNo).result;
  return { hall, ticket };
}

function padRate(hall: TestHall, ticketId: string, level: SatisfactionLevel, options: { windowNo?: number; reasons?: PoorRatingReason[]; comment?: string } = {}) {
  const windowNo = options.windowNo ?? 1;
  return hall.run((s, c) =>
    rate(s, { ticketId, level, reasons: options.reasons ?? [], comment: options.comment ?? null, pad: { deviceId: `pad-0${windowNo}`, windowNo } }, c),
  );
}

function phoneRate(hall: TestHall, ticketId: string, level: SatisfactionLevel, reasons: PoorRatingReason[] = []) {
  return hall.run((s, c) => rate(s, { ticketId, level, reasons, comment: null, pad: null }, c));
}

describe('asking for a rating', () => {
  it('finishing a ticket asks its window’s pad, for the hall’s evaluation time, with the case number', () => {
    const { hall, ticket } = servedHall('HY-2026-000123');
    expect(hall.state.evaluations.get(ticket.id)).toMatchObject({
      status: 'pending',
      windowNo: 1,
      staffNo: '101',
      number: 'A001',
      caseNo: 'HY-2026-000123',
      requestedAt: hall.now,
      closesAt: hall.now + 30 * SECONDS,
    });
  });

  it('uses the configured evaluation time', () => {
    const hall = new TestHall({ settings: { evaluationSeconds: 45 } });
    hall.signIn(1);
    hall.take('A');
    hall.next(1);
    const ticket = hall.finish(1).result;
    expect(hall.state.evaluations.get(ticket.id)?.closesAt).toBe(hall.now + 45 * SECONDS);
  });

  it('a no-show or a transfer asks nothing: only a finished service is rated', () => {
    const hall = new TestHall();
    hall.signIn(1);
    hall.take('A');
    hall.take('A');
    hall.next(1);
    hall.noShow(1);
    hall.next(1);
    hall.transfer(1, { toWindowNo: 2 });
    expect(hall.state.evaluations.size).toBe(0);
  });

  it('the next finished ticket at the window closes the previous unanswered one as 未评价', () => {
    const { hall, ticket } = servedHall();
    hall.take('A');
    hall.next(1);
    hall.advance(3);
    const outcome = hall.finish(1);
    expect(hall.state.evaluations.get(ticket.id)?.status).toBe('unrated');
    expect(eventsOf(outcome.events, 'evaluation.unrated')).toEqual([expect.objectContaining({ ticketId: ticket.id, reason: 'superseded' })]);
    expect(hall.state.evaluations.get(outcome.result.id)?.status).toBe('pending');
  });

  it('another window finishing leaves this window’s question open', () => {
    const { hall, ticket } = servedHall();
    hall.take('A');
    hall.next(2);
    hall.finish(2);
    expect(hall.state.evaluations.get(ticket.id)?.status).toBe('pending');
  });
});

describe('rating at the pad', () => {
  it('records the level, the pad and the time; stars go with the event', () => {
    const { hall, ticket } = servedHall();
    hall.advance(0.2);
    const outcome = padRate(hall, ticket.id, 'satisfied');
    expect(outcome.result.evaluation).toMatchObject({ status: 'rated', level: 'satisfied', channel: 'pad', deviceId: 'pad-01', ratedAt: hall.now, followUpId: null });
    expect(outcome.result.followUp).toBeNull();
    expect(eventsOf(outcome.events, 'evaluation.rated')).toEqual([
      expect.objectContaining({ ticketId: ticket.id, windowNo: 1, staffNo: '101', level: 'satisfied', stars: 4, channel: 'pad', deviceId: 'pad-01' }),
    ]);
  });

  it.each([
    ['very_satisfied', 5],
    ['satisfied', 4],
    ['basically_satisfied', 3],
    ['dissatisfied', 2],
    ['very_dissatisfied', 1],
  ] as const)('%s is %i stars', (level, stars) => {
    const { hall, ticket } = servedHall();
    const reasons: PoorRatingReason[] = stars <= 2 ? ['slow'] : [];
    expect(eventsOf(padRate(hall, ticket.id, level, { reasons }).events, 'evaluation.rated')[0]?.stars).toBe(stars);
  });

  it('takes one rating per ticket: a second, from the pad or the phone, is refused', () => {
    const { hall, ticket } = servedHall();
    padRate(hall, ticket.id, 'very_satisfied');
    hall.refuse((s, c) => rate(s, { ticketId: ticket.id, level: 'very_dissatisfied', reasons: ['attitude'], comment: null, pad: { deviceId: 'pad-01', windowNo: 1 } }, c), 'ALREADY_RATED');
    hall.refuse((s, c) => rate(s, { ticketId: ticket.id, level: 'satisfied', reasons: [], comment: null, pad: null }, c), 'ALREADY_RATED');
    expect(hall.state.evaluations.get(ticket.id)?.level).toBe('very_satisfied');
  });

  it('refuses a pad of another window', () => {
    const { hall, ticket } = servedHall();
    hall.refuse((s, c) => rate(s, { ticketId: ticket.id, level: 'satisfied', reasons: [], comment: null, pad: { deviceId: 'pad-02', windowNo: 2 } }, c), 'EVALUATION_WRONG_WINDOW');
    expect(hall.state.evaluations.get(ticket.id)?.status).toBe('pending');
  });

  it('refuses a ticket not finished yet, and one the hall never issued', () => {
    const hall = new TestHall();
    hall.signIn(1);
    hall.take('A');
    const waiting = hall.ticket('A001');
    hall.refuse((s, c) => rate(s, { ticketId: waiting.id, level: 'satisfied', reasons: [], comment: null, pad: null }, c), 'TICKET_NOT_FINISHED');
    hall.next(1);
    hall.refuse((s, c) => rate(s, { ticketId: waiting.id, level: 'satisfied', reasons: [], comment: null, pad: { deviceId: 'pad-01', windowNo: 1 } }, c), 'TICKET_NOT_FINISHED');
    hall.refuse((s, c) => rate(s, { ticketId: 'no-such-ticket', level: 'satisfied', reasons: [], comment: null, pad: null }, c), 'TICKET_NOT_FOUND');
  });

  it('keeps reasons only for a poor rating', () => {
    const { hall, ticket } = servedHall();
    const outcome = padRate(hall, ticket.id, 'satisfied', { reasons: ['slow'], comment: '很好' });
    expect(outcome.result.evaluation).toMatchObject({ reasons: [], comment: '很好' });
  });
});

describe('no answer in time: 未评价', () => {
  it('closes the pad’s question once its time has passed, not before', () => {
    const { hall, ticket } = servedHall();
    hall.clock.advanceMs(29 * SECONDS);
    expect(hall.run((s, c) => closeUnansweredEvaluations(s, c)).events).toEqual([]);
    hall.clock.advanceMs(1 * SECONDS);
    const outcome = hall.run((s, c) => closeUnansweredEvaluations(s, c));
    expect(outcome.result.map((e) => e.ticketId)).toEqual([ticket.id]);
    expect(eventsOf(outcome.events, 'evaluation.unrated')).toEqual([expect.objectContaining({ ticketId: ticket.id, windowNo: 1, staffNo: '101', reason: 'timeout' })]);
    expect(hall.state.evaluations.get(ticket.id)).toMatchObject({ status: 'unrated', level: null });
  });

  it('takes a pad answer sent just as time ran out, within the grace for the network, and none later', () => {
    const first = servedHall();
    first.hall.clock.advanceMs(30 * SECONDS + PAD_GRACE_MS);
    expect(padRate(first.hall, first.ticket.id, 'satisfied').result.evaluation.status).toBe('rated');

    const second = servedHall();
    second.hall.clock.advanceMs(30 * SECONDS + PAD_GRACE_MS + 1);
    second.hall.refuse((s, c) => rate(s, { ticketId: second.ticket.id, level: 'satisfied', reasons: [], comment: null, pad: { deviceId: 'pad-01', windowNo: 1 } }, c), 'EVALUATION_CLOSED');
  });

  it('a pad cannot rate a ticket already closed as 未评价, but the visitor’s phone still can that day', () => {
    const { hall, ticket } = servedHall();
    hall.clock.advanceMs(30 * SECONDS);
    hall.run((s, c) => closeUnansweredEvaluations(s, c));
    hall.refuse((s, c) => rate(s, { ticketId: ticket.id, level: 'satisfied', reasons: [], comment: null, pad: { deviceId: 'pad-01', windowNo: 1 } }, c), 'EVALUATION_CLOSED');
    hall.setClock(sh('2026-03-06 21:30'));
    const outcome = phoneRate(hall, ticket.id, 'basically_satisfied');
    expect(outcome.result.evaluation).toMatchObject({ status: 'rated', level: 'basically_satisfied', channel: 'phone', deviceId: null });
  });

  it('the phone may rate while the pad is still asking: whichever comes first counts', () => {
    const { hall, ticket } = servedHall();
    phoneRate(hall, ticket.id, 'very_satisfied');
    hall.refuse((s, c) => rate(s, { ticketId: ticket.id, level: 'satisfied', reasons: [], comment: null, pad: { deviceId: 'pad-01', windowNo: 1 } }, c), 'ALREADY_RATED');
  });

  it('the next service day, the old day’s tickets can no longer be rated', () => {
    const { hall, ticket } = servedHall();
    hall.setClock(sh('2026-03-07 09:00'));
    hall.openDay();
    expect(hall.state.evaluations.size).toBe(0);
    hall.refuse((s, c) => rate(s, { ticketId: ticket.id, level: 'satisfied', reasons: [], comment: null, pad: null }, c), 'TICKET_NOT_FOUND');
  });
});

describe('a level once touched at the pad is never lost', () => {
  function hold(hall: TestHall, ticketId: string, level: SatisfactionLevel, more: { reasons?: PoorRatingReason[]; comment?: string; callbackPhone?: string; windowNo?: number } = {}) {
    const windowNo = more.windowNo ?? 1;
    const command = { ticketId, level, reasons: more.reasons ?? [], comment: more.comment ?? null, callbackPhone: more.callbackPhone ?? null, pad: { deviceId: `pad-0${windowNo}`, windowNo } };
    return hall.run((s, c) => holdRating(s, command, c));
  }
  const close = (hall: TestHall) => hall.run((s, c) => closeUnansweredEvaluations(s, c));

  it('every touch restarts the clock: at least 60 s from the last one, never shortened', () => {
    const { hall, ticket } = servedHall();
    hall.clock.advanceMs(25 * SECONDS);
    const first = hold(hall, ticket.id, 'very_dissatisfied');
    expect(first.result.closesAt).toBe(hall.now + 60 * SECONDS);
    expect(eventsOf(first.events, 'evaluation.held')).toEqual([expect.objectContaining({ level: 'very_dissatisfied', reasons: [], closesAt: hall.now + 60 * SECONDS })]);
    hall.clock.advanceMs(50 * SECONDS);
    expect(close(hall).events).toEqual([]);
    hold(hall, ticket.id, 'very_dissatisfied', { reasons: ['attitude'] });
    hall.clock.advanceMs(59 * SECONDS);
    expect(close(hall).events).toEqual([]);
    expect(hall.state.evaluations.get(ticket.id)?.status).toBe('pending');
  });

  it('uses the hall’s evaluation time when that is longer than 60 s', () => {
    const hall = new TestHall({ settings: { evaluationSeconds: 90 } });
    hall.signIn(1);
    hall.take('A');
    hall.next(1);
    const ticket = hall.finish(1).result;
    hall.clock.advanceMs(80 * SECONDS);
    expect(hold(hall, ticket.id, 'dissatisfied').result.closesAt).toBe(hall.now + 90 * SECONDS);
  });

  it('when the time still runs out, records the level with the reasons, comment and number chosen so far, and opens the follow-up', () => {
    const { hall, ticket } = servedHall();
    hold(hall, ticket.id, 'dissatisfied', { reasons: ['slow'], comment: '等候时间太长', callbackPhone: '13812345678' });
    hall.clock.advanceMs(60 * SECONDS);
    const outcome = close(hall);
    expect(outcome.result).toEqual([expect.objectContaining({ ticketId: ticket.id, status: 'rated', level: 'dissatisfied', reasons: ['slow'], comment: '等候时间太长', callbackPhone: '13812345678', channel: 'pad', deviceId: 'pad-01', held: null })]);
    expect(eventsOf(outcome.events, 'evaluation.rated')).toEqual([expect.objectContaining({ level: 'dissatisfied', stars: 2, reasons: ['slow'], fromHeld: 'timeout' })]);
    expect(eventsOf(outcome.events, 'evaluation.unrated')).toEqual([]);
    expect(outcome.followUps).toEqual([expect.objectContaining({ ticketId: ticket.id, level: 'dissatisfied', reasons: ['slow'], callbackPhone: '13812345678', callbackDue: '2026-03-09' })]);
    // The number is for the follow-up only: it stays out of the append-only event log.
    expect(JSON.stringify(outcome.events)).not.toContain('13812345678');
  });

  it('with no reason chosen yet, records 未说明原因 and still opens the follow-up', () => {
    const { hall, ticket } = servedHall();
    hold(hall, ticket.id, 'very_dissatisfied');
    hall.clock.advanceMs(60 * SECONDS);
    const outcome = close(hall);
    expect(hall.state.evaluations.get(ticket.id)).toMatchObject({ status: 'rated', level: 'very_dissatisfied', reasons: ['not_given'] });
    expect(outcome.followUps).toEqual([expect.objectContaining({ reasons: ['not_given'], level: 'very_dissatisfied' })]);
  });

  it('the next visit finished at the window records the held level too, instead of 未评价', () => {
    const { hall, ticket } = servedHall();
    hold(hall, ticket.id, 'dissatisfied', { reasons: ['unfamiliar'] });
    hall.take('A');
    hall.next(1);
    const outcome = hall.finish(1);
    expect(hall.state.evaluations.get(ticket.id)).toMatchObject({ status: 'rated', level: 'dissatisfied', reasons: ['unfamiliar'] });
    expect(eventsOf(outcome.events, 'evaluation.rated')).toEqual([expect.objectContaining({ ticketId: ticket.id, fromHeld: 'superseded' })]);
  });

  it('the turn of the day records the held level of the old day, with its follow-up', () => {
    const { hall, ticket } = servedHall();
    hold(hall, ticket.id, 'very_dissatisfied', { reasons: ['attitude'] });
    hall.setClock(sh('2026-03-07 09:00'));
    const outcome = hall.openDay();
    expect(eventsOf(outcome.events, 'evaluation.rated')).toEqual([expect.objectContaining({ ticketId: ticket.id, serviceDate: '2026-03-06', fromHeld: 'day_end' })]);
    expect(outcome.evaluations).toEqual([expect.objectContaining({ ticketId: ticket.id, status: 'rated', reasons: ['attitude'] })]);
    expect(outcome.followUps).toEqual([expect.objectContaining({ ticketId: ticket.id, serviceDate: '2026-03-06' })]);
  });

  it('the visitor’s own answer replaces what was held, even a good level chosen after going back', () => {
    const { hall, ticket } = servedHall();
    hold(hall, ticket.id, 'very_dissatisfied', { reasons: ['attitude'], callbackPhone: '13812345678' });
    const outcome = padRate(hall, ticket.id, 'basically_satisfied');
    expect(outcome.result.evaluation).toMatchObject({ level: 'basically_satisfied', reasons: [], callbackPhone: null, held: null });
    expect(outcome.followUps).toEqual([]);
  });

  it('返回 from the reasons lets the held level go: a visitor who then walks away is 未评价, with no follow-up', () => {
    const { hall, ticket } = servedHall();
    hold(hall, ticket.id, 'very_dissatisfied', { reasons: ['attitude'] });
    const closesAt = hall.state.evaluations.get(ticket.id)!.closesAt;
    const released = hall.run((s, c) => releaseHeldRating(s, { ticketId: ticket.id, pad: { deviceId: 'pad-01', windowNo: 1 } }, c));
    expect(released.result).toMatchObject({ status: 'pending', held: null, closesAt });
    expect(eventsOf(released.events, 'evaluation.released')).toEqual([expect.objectContaining({ ticketId: ticket.id, windowNo: 1 })]);
    hall.clock.advanceMs(60 * SECONDS);
    const outcome = close(hall);
    expect(hall.state.evaluations.get(ticket.id)).toMatchObject({ status: 'unrated', level: null });
    expect(eventsOf(outcome.events, 'evaluation.unrated')).toEqual([expect.objectContaining({ ticketId: ticket.id, reason: 'timeout' })]);
    expect(eventsOf(outcome.events, 'evaluation.rated')).toEqual([]);
    expect(outcome.followUps).toEqual([]);
  });

  it('lets go only on its own window’s pad while it may still answer', () => {
    const { hall, ticket } = servedHall();
    hold(hall, ticket.id, 'dissatisfied');
    hall.refuse((s, c) => releaseHeldRating(s, { ticketId: ticket.id, pad: { deviceId: 'pad-02', windowNo: 2 } }, c), 'EVALUATION_WRONG_WINDOW');
    phoneRate(hall, ticket.id, 'satisfied');
    hall.refuse((s, c) => releaseHeldRating(s, { ticketId: ticket.id, pad: { deviceId: 'pad-01', windowNo: 1 } }, c), 'ALREADY_RATED');
  });

  it('holds only what its own window’s pad may still answer', () => {
    const { hall, ticket } = servedHall();
    hall.refuse((s, c) => holdRating(s, { ticketId: ticket.id, level: 'dissatisfied', reasons: [], comment: null, callbackPhone: null, pad: { deviceId: 'pad-02', windowNo: 2 } }, c), 'EVALUATION_WRONG_WINDOW');
    hall.clock.advanceMs(30 * SECONDS + PAD_GRACE_MS + 1);
    hall.refuse((s, c) => holdRating(s, { ticketId: ticket.id, level: 'dissatisfied', reasons: [], comment: null, callbackPhone: null, pad: { deviceId: 'pad-01', windowNo: 1 } }, c), 'EVALUATION_CLOSED');
    phoneRate(hall, ticket.id, 'satisfied');
    hall.refuse((s, c) => holdRating(s, { ticketId: ticket.id, level: 'dissatisfied', reasons: [], comment: null, callbackPhone: null, pad: { deviceId: 'pad-01', windowNo: 1 } }, c), 'ALREADY_RATED');
  });

  it('请评价 while the visitor is choosing reasons keeps what they chose and their time', () => {
    const { hall, ticket } = servedHall();
    hold(hall, ticket.id, 'dissatisfied', { reasons: ['slow'] });
    const closesAt = hall.state.evaluations.get(ticket.id)!.closesAt;
    hall.clock.advanceMs(5 * SECONDS);
    hall.run((s, c) => requestEvaluation(s, { windowNo: 1, staffNo: '101' }, c));
    expect(hall.state.evaluations.get(ticket.id)).toMatchObject({ status: 'pending', closesAt, held: expect.objectContaining({ level: 'dissatisfied', reasons: ['slow'] }) });
  });
});

describe('请评价: the staff ask again', () => {
  it('reopens the window’s last finished ticket, for a full evaluation time, still about who served it', () => {
    const { hall, ticket } = servedHall();
    hall.clock.advanceMs(40 * SECONDS);
    hall.run((s, c) => closeUnansweredEvaluations(s, c));
    const outcome = hall.run((s, c) => requestEvaluation(s, { windowNo: 1, staffNo: '101' }, c));
    expect(outcome.result).toMatchObject({ ticketId: ticket.id, status: 'pending', staffNo: '101', closesAt: hall.now + 30 * SECONDS });
    expect(eventsOf(outcome.events, 'evaluation.requested')).toHaveLength(1);
    expect(padRate(hall, ticket.id, 'satisfied').result.evaluation.status).toBe('rated');
  });

  it('refuses when the last visit is already rated, when nothing was finished, and from someone not at the window', () => {
    const { hall, ticket } = servedHall();
    hall.refuse((s, c) => requestEvaluation(s, { windowNo: 2, staffNo: '102' }, c), 'NO_TICKET_TO_EVALUATE');
    hall.refuse((s, c) => requestEvaluation(s, { windowNo: 1, staffNo: '102' }, c), 'WRONG_WINDOW');
    padRate(hall, ticket.id, 'satisfied');
    hall.refuse((s, c) => requestEvaluation(s, { windowNo: 1, staffNo: '101' }, c), 'ALREADY_RATED');
  });
});

describe('a poor rating (差评) opens a follow-up (整改)', () => {
  it('with the visit, the reasons, and deadlines of 1 and 15 working days', () => {
    const { hall, ticket } = servedHall('HY-9');
    const outcome = padRate(hall, ticket.id, 'dissatisfied', { reasons: ['slow', 'repeated_trips'], comment: '跑了三次' });
    const { followUp, evaluation } = outcome.result;
    expect(followUp).toMatchObject({
      ticketId: ticket.id,
      number: 'A001',
      serviceDate: '2026-03-06',
      windowNo: 1,
      staffNo: '101',
      caseNo: 'HY-9',
      level: 'dissatisfied',
      reasons: ['slow', 'repeated_trips'],
      comment: '跑了三次',
      // Rated on Friday: called back by Monday, fixed within three weeks of working days.
      callbackDue: '2026-03-09',
      fixDue: '2026-03-27',
      callback: null,
      fix: null,
    });
    expect(evaluation.followUpId).toBe(followUp!.id);
    expect(outcome.followUps).toEqual([followUp]);
    expect(eventsOf(outcome.events, 'follow_up.opened')).toEqual([expect.objectContaining({ followUpId: followUp!.id, ticketId: ticket.id, windowNo: 1, staffNo: '101' })]);
  });

  it('counts the hall’s holidays and make-up working days', () => {
    const hall = new TestHall({ settings: { calendar: { holidays: ['2026-03-09'], workdays: ['2026-03-07'] } } }, sh('2026-03-06 10:00'));
    hall.signIn(1);
    hall.take('A');
    hall.next(1);
    const ticket = hall.finish(1).result;
    const { followUp } = padRate(hall, ticket.id, 'very_dissatisfied', { reasons: ['attitude'] }).result;
    // Saturday the 7th is worked instead of Monday the 9th.
    expect(followUp?.callbackDue).toBe('2026-03-07');
    expect(followUp?.fixDue).toBe('2026-03-27');
  });

  it('a good rating opens none', () => {
    const { hall, ticket } = servedHall();
    expect(padRate(hall, ticket.id, 'basically_satisfied').followUps).toEqual([]);
  });
});

describe('recording the follow-up', () => {
  function opened() {
    const { hall, ticket } = servedHall();
    const followUp = phoneRate(hall, ticket.id, 'dissatisfied', ['unfamiliar']).result.followUp!;
    return { hall, followUp };
  }
  const step = (hall: TestHall, followUp: FollowUp | null, kind: 'callback' | 'fix', staffNo = '300') =>
    hall.run((s, c) => recordFollowUpStep(s, followUp, { step: kind, staffNo, note: kind === 'callback' ? '已电话回访' : '已补办并道歉' }, c));

  it('records the call-back, then the fix, each with who, when and the note', () => {
    const { hall, followUp } = opened();
    hall.advance(60);
    const calledBack = step(hall, followUp, 'callback');
    expect(calledBack.result.callback).toEqual({ at: hall.now, staffNo: '300', note: '已电话回访' });
    expect(calledBack.followUps).toEqual([calledBack.result]);
    expect(eventsOf(calledBack.events, 'follow_up.called_back')).toEqual([expect.objectContaining({ followUpId: followUp.id, staffNo: '300', note: '已电话回访' })]);
    hall.advance(60);
    const fixed = step(hall, calledBack.result, 'fix');
    expect(fixed.result.fix).toEqual({ at: hall.now, staffNo: '300', note: '已补办并道歉' });
    expect(eventsOf(fixed.events, 'follow_up.fixed')).toHaveLength(1);
  });

  it('refuses the fix before the call-back, a step twice, a missing item, and window staff', () => {
    const { hall, followUp } = opened();
    hall.refuse((s, c) => recordFollowUpStep(s, followUp, { step: 'fix', staffNo: '300', note: 'x' }, c), 'FOLLOW_UP_CALLBACK_FIRST');
    hall.refuse((s, c) => recordFollowUpStep(s, followUp, { step: 'callback', staffNo: '101', note: 'x' }, c), 'FORBIDDEN');
    hall.refuse((s, c) => recordFollowUpStep(s, null, { step: 'callback', staffNo: '300', note: 'x' }, c), 'FOLLOW_UP_NOT_FOUND');
    const calledBack = step(hall, followUp, 'callback').result;
    hall.refuse((s, c) => recordFollowUpStep(s, calledBack, { step: 'callback', staffNo: '300', note: 'x' }, c), 'FOLLOW_UP_STEP_DONE');
  });

  it('is overdue past either deadline with its step not done, and a step done late stays late', () => {
    const { hall, followUp } = opened(); // callback due 03-09, fix due 03-27
    const tz = 'Asia/Shanghai';
    expect(followUpProgress(followUp, '2026-03-09', tz)).toEqual({ status: 'awaiting_callback', overdue: false, callbackLate: false, fixLate: false });
    expect(followUpProgress(followUp, '2026-03-10', tz)).toEqual({ status: 'awaiting_callback', overdue: true, callbackLate: true, fixLate: false });

    hall.setClock(sh('2026-03-10 09:30'));
    const calledBack = step(hall, followUp, 'callback').result;
    expect(followUpProgress(calledBack, '2026-03-10', tz)).toEqual({ status: 'awaiting_fix', overdue: false, callbackLate: true, fixLate: false });
    expect(followUpProgress(calledBack, '2026-03-28', tz)).toMatchObject({ overdue: true, fixLate: true });

    hall.setClock(sh('2026-03-27 16:00'));
    const fixed = step(hall, calledBack, 'fix').result;
    expect(followUpProgress(fixed, '2026-04-30', tz)).toEqual({ status: 'closed', overdue: false, callbackLate: true, fixLate: false });
  });
});
