import { describe, expect, it } from 'vitest';
import { estimatedWaitMinutes, meanHandlingMs, peopleAhead, waitingInCategory, type Ticket } from '../../src/domain';
import { MINUTE, TestHall, sh, type SetupOptions } from './fixtures';

// estimatedWaitMinutes(state, ticket, ahead):
//   serving = the windows serving the ticket's category (or just the window it was sent to)
//   open    = those signed in and not paused; idle = open ones with no ticket called
//   ahead < idle -> 0
//   servers = open windows, or (none open) all serving windows, at least 1
//   wait    = mean * (ahead + 1) / servers - mean / 2, rounded to minutes, at least 0
//   mean    = the category's recent handling times (last `handlingSamples`), else its default

const SMALL: SetupOptions = {
  categories: [
    { code: 'A', name: '综合受理', defaultHandlingMinutes: 10 },
    { code: 'B', name: '不动产登记', defaultHandlingMinutes: 20 },
    { code: 'D', name: '公积金', defaultHandlingMinutes: 8 },
  ],
  windows: [
    { no: 1, name: '1号', department: '综合', categories: ['A'] },
    { no: 2, name: '2号', department: '综合', categories: ['A'] },
    { no: 3, name: '3号', department: '自然资源', categories: ['B'] },
  ],
  staff: [
    { staffNo: '101', name: '甲', windows: [1] },
    { staffNo: '102', name: '乙', windows: [2] },
    { staffNo: '103', name: '丙', windows: [3] },
  ],
};

function hall(options: SetupOptions = SMALL): TestHall {
  return new TestHall(options, sh('2026-03-02 09:00'));
}

/** The estimate for the ticket, as if `ahead` people stood before it. */
function estimate(h: TestHall, number: string, ahead: number): number {
  return estimatedWaitMinutes(h.state, h.ticket(number), ahead);
}

describe('peopleAhead', () => {
  it('counts the waiting tickets of the same queue that will be called first', () => {
    const h = hall();
    h.signIn(1);
    expect(h.issue('A').result.ahead).toBe(0);
    h.advance(1);
    expect(h.issue('A').result.ahead).toBe(1);
    h.advance(1);
    expect(h.issue('B').result.ahead).toBe(0);
    h.advance(1);
    expect(h.issue('A').result.ahead).toBe(2);
    h.next(1); // A001 is no longer waiting
    expect(peopleAhead(h.state, h.ticket('A003'))).toBe(1);
    expect(peopleAhead(h.state, h.ticket('A002'))).toBe(0);
    expect(peopleAhead(h.state, h.ticket('A001'))).toBe(0); // called: nobody ahead
  });

  it('puts priority and reactivated tickets ahead of ordinary ones', () => {
    const h = hall();
    h.signIn(1);
    h.take('A'); // A001, will be a no-show
    h.advance(1);
    h.take('A'); // A002
    h.next(1);
    h.noShow(1);
    h.advance(1);
    const priority = h.issue('A', 'green_channel').result; // A003
    expect(priority.ahead).toBe(0); // A002 is ordinary: the priority ticket goes before it
    h.reactivate(1, 'A001');
    expect(peopleAhead(h.state, h.ticket('A003'))).toBe(1); // the reactivated A001
    expect(peopleAhead(h.state, h.ticket('A002'))).toBe(2); // A001 reactivated, A003 priority
    h.advance(1);
    expect(h.issue('A', 'appointment').result.ahead).toBe(2); // A001, A003
    expect(h.issue('A').result.ahead).toBe(4);
  });

  it('for a ticket sent to a window, counts only what waits for that window', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.take('A');
    h.take('A');
    h.next(1);
    h.transfer(1, { toWindowNo: 2 });
    expect(peopleAhead(h.state, h.ticket('A001'))).toBe(0);
    expect(peopleAhead(h.state, h.ticket('A003'))).toBe(1); // A002 only: A001 is in window 2's own line
  });

  it('waitingInCategory counts the waiting tickets of a category', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.take('A');
    h.take('B');
    expect(waitingInCategory(h.state, 'A')).toBe(2);
    expect(waitingInCategory(h.state, 'B')).toBe(1);
    expect(waitingInCategory(h.state, 'D')).toBe(0);
    h.next(1);
    expect(waitingInCategory(h.state, 'A')).toBe(1);
  });
});

describe('estimatedWaitMinutes', () => {
  it('is 0 when an idle open window serves the category and fewer people are ahead than idle windows', () => {
    const h = hall();
    h.signIn(1);
    h.signIn(2);
    const first = h.issue('A').result;
    expect(first).toMatchObject({ ahead: 0, estimatedWaitMinutes: 0 });
    const second = h.issue('A').result;
    expect(second).toMatchObject({ ahead: 1, estimatedWaitMinutes: 0 });
    // Two ahead, two idle windows: no longer 0. 10 * 3/2 - 5 = 10.
    const third = h.issue('A').result;
    expect(third).toMatchObject({ ahead: 2, estimatedWaitMinutes: 10 });
  });

  it('with one busy window: half the current service plus a full one per person ahead', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.next(1);
    expect(h.issue('A').result).toMatchObject({ ahead: 0, estimatedWaitMinutes: 5 });
    expect(h.issue('A').result).toMatchObject({ ahead: 1, estimatedWaitMinutes: 15 });
    expect(h.issue('A').result).toMatchObject({ ahead: 2, estimatedWaitMinutes: 25 });
    expect(estimate(h, 'A004', 9)).toBe(95);
  });

  it('grows with the people ahead', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.next(1);
    h.take('A');
    const waits = [0, 1, 2, 5, 10, 30].map((ahead) => estimate(h, 'A002', ahead));
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!);
  });

  it('shrinks with more open windows', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.take('A');
    h.take('A');
    h.next(1);
    const oneWindow = estimate(h, 'A003', 4); // 10 * 5 - 5 = 45
    expect(oneWindow).toBe(45);
    h.signIn(2);
    h.next(2);
    const twoWindows = estimate(h, 'A003', 4); // 10 * 5/2 - 5 = 20
    expect(twoWindows).toBe(20);
  });

  it('does not count paused or closed windows as serving', () => {
    const h = hall();
    h.signIn(1);
    h.signIn(2);
    h.take('A');
    h.next(1);
    h.pause(2);
    h.take('A');
    expect(estimate(h, 'A002', 0)).toBe(5); // only window 1, busy
    expect(estimate(h, 'A002', 3)).toBe(35);
    h.resume(2);
    expect(estimate(h, 'A002', 0)).toBe(0); // window 2 idle
    expect(estimate(h, 'A002', 3)).toBe(15); // 10 * 4/2 - 5
  });

  it('before any window opens, assumes every window serving the category will', () => {
    const h = hall();
    expect(h.issue('A').result).toMatchObject({ ahead: 0, estimatedWaitMinutes: 0 }); // 10 * 1/2 - 5
    expect(h.issue('A').result).toMatchObject({ ahead: 1, estimatedWaitMinutes: 5 }); // 10 * 2/2 - 5
    expect(h.issue('B').result).toMatchObject({ ahead: 0, estimatedWaitMinutes: 10 }); // one B window: 20 - 10
    expect(estimate(h, 'A002', 4)).toBe(20); // 10 * 5/2 - 5
  });

  it('for a category no window serves, assumes one server', () => {
    const h = hall();
    expect(h.issue('D').result).toMatchObject({ ahead: 0, estimatedWaitMinutes: 4 }); // 8 - 4
    expect(estimate(h, 'D001', 2)).toBe(20); // 8 * 3 - 4
  });

  it('for a ticket sent to a window, counts that window only', () => {
    const h = hall();
    h.signIn(1);
    h.signIn(2);
    h.take('A');
    h.take('A');
    h.next(1);
    h.transfer(1, { toWindowNo: 2 });
    h.next(1); // A002 at window 1
    h.next(2); // A001 at window 2
    h.transfer(2, { toWindowNo: 1 }); // A001 now waits for window 1, which is busy
    const ticket = h.ticket('A001');
    expect(ticket.targetWindowNo).toBe(1);
    expect(estimatedWaitMinutes(h.state, ticket, 0)).toBe(5); // window 2 is idle but not its window
    expect(estimatedWaitMinutes(h.state, ticket, 2)).toBe(25);
  });

  it('rounds to whole minutes and never goes below 0', () => {
    const h = hall({
      ...SMALL,
      categories: [{ code: 'A', name: '综合受理', defaultHandlingMinutes: 7 }],
      windows: [1, 2, 3].map((no) => ({ no, name: `${no}号`, department: '综合', categories: ['A'] })),
      staff: [{ staffNo: '101', name: '甲', windows: [1, 2, 3] }],
    });
    h.take('A');
    // Three closed windows: 7 * 1/3 - 3.5 < 0 -> 0; 7 * 2/3 - 3.5 = 1.17 -> 1; 7 * 3/3 - 3.5 = 3.5 -> 4
    expect(estimate(h, 'A001', 0)).toBe(0);
    expect(estimate(h, 'A001', 1)).toBe(1);
    expect(estimate(h, 'A001', 2)).toBe(4);
  });
});

describe('handling times feeding the estimate', () => {
  function serveFor(h: TestHall, minutes: number[]): void {
    for (const m of minutes) {
      h.take('A');
      h.next(1);
      h.advance(m);
      h.finish(1);
    }
  }

  it('uses the category default until there are samples, then their mean', () => {
    const h = hall();
    h.signIn(1);
    expect(meanHandlingMs(h.state, 'A')).toBe(10 * MINUTE);
    expect(meanHandlingMs(h.state, 'B')).toBe(20 * MINUTE);
    serveFor(h, [4, 8]);
    expect(meanHandlingMs(h.state, 'A')).toBe(6 * MINUTE);
    expect(meanHandlingMs(h.state, 'B')).toBe(20 * MINUTE);
    h.take('A');
    h.next(1);
    h.take('A'); // A004, one busy window: 6 * 1 - 3 = 3
    expect(estimate(h, 'A004', 0)).toBe(3);
    expect(estimate(h, 'A004', 1)).toBe(9);
  });

  it('keeps only the last handlingSamples', () => {
    const h = hall({ ...SMALL, settings: { rules: { handlingSamples: 3 } } });
    h.signIn(1);
    serveFor(h, [60, 2, 4, 6]);
    expect(h.state.handlingTimes['A']).toEqual([2 * MINUTE, 4 * MINUTE, 6 * MINUTE]);
    expect(meanHandlingMs(h.state, 'A')).toBe(4 * MINUTE);
    serveFor(h, [10]);
    expect(h.state.handlingTimes['A']).toEqual([4 * MINUTE, 6 * MINUTE, 10 * MINUTE]);
    expect(meanHandlingMs(h.state, 'A')).toBe((20 / 3) * MINUTE);
  });

  it('defaults to 20 samples', () => {
    const h = hall();
    h.signIn(1);
    serveFor(h, Array.from({ length: 25 }, (_, i) => i + 1));
    expect(h.state.handlingTimes['A']).toHaveLength(20);
    expect(h.state.handlingTimes['A']![0]).toBe(6 * MINUTE);
    expect(meanHandlingMs(h.state, 'A')).toBe(15.5 * MINUTE);
  });

  it('answers CATEGORY_NOT_FOUND for an unknown category without samples', () => {
    const h = hall();
    expect(() => meanHandlingMs(h.state, 'Z')).toThrow(expect.objectContaining({ code: 'CATEGORY_NOT_FOUND' }));
  });
});

describe('the estimate printed on a new ticket', () => {
  it('matches peopleAhead and estimatedWaitMinutes on the state after issuing', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.next(1);
    for (let i = 0; i < 5; i++) {
      h.advance(1);
      const issued = h.issue('A', i === 3 ? 'green_channel' : null);
      const ticket: Ticket = issued.result.ticket;
      expect(issued.result.ahead).toBe(peopleAhead(issued.state, ticket));
      expect(issued.result.estimatedWaitMinutes).toBe(estimatedWaitMinutes(issued.state, ticket, issued.result.ahead));
    }
    expect(h.issue('A').result.estimatedWaitMinutes).toBe(55); // 5 ahead, one busy window
  });
});
