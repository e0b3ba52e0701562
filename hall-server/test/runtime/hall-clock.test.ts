import { describe, expect, it } from 'vitest';
import { CLOCK_MAX_HOLD_MS, HallClock, type ClockNotice } from '../../src/runtime/hall-clock';

// The hall's own time against a fake PC: `pass` is true time going by (both clocks run on),
// `step` moves only the wall clock, as NTP or a person does.

const MIN = 60_000;
const T0 = Date.parse('2026-12-08T09:00:00+08:00');

function fakePc(wallAt = T0) {
  let wall = wallAt;
  let mono = 5_000.25; // a monotonic clock starts anywhere, in fractions of a ms
  let quietFrom: number | null = 0;
  const notices: ClockNotice[] = [];
  const pc = {
    sources: { wall: () => wall, monotonic: () => mono },
    pass: (ms: number) => {
      wall += ms;
      mono += ms;
    },
    step: (ms: number) => {
      wall += ms;
    },
    busy: () => {
      quietFrom = null;
    },
    quiet: (from = 0) => {
      quietFrom = from;
    },
    notices,
    codes: () => notices.map((n) => n.code),
    clock: (floor: number | null = null) => new HallClock(pc.sources, { floor, quietFrom: () => quietFrom, notice: (n) => notices.push(n) }),
    get wall() {
      return wall;
    },
  };
  return pc;
}

describe('the hall clock', () => {
  it('is the wall clock while all goes well, in whole ms', () => {
    const pc = fakePc();
    const clock = pc.clock();
    expect(clock.now()).toBe(T0);
    pc.pass(1234.6);
    expect(clock.now()).toBe(Math.floor(T0 + 1234.6));
    expect(pc.notices).toEqual([]);
  });

  it('runs on true time through steps while the hall is busy, and takes a step forward at the next quiet moment', () => {
    const pc = fakePc();
    const clock = pc.clock();
    pc.busy();
    const issued = clock.now();
    pc.pass(5 * MIN);
    pc.step(-10 * MIN);
    const called = clock.now();
    expect(called - issued).toBe(5 * MIN);
    pc.pass(5 * MIN);
    pc.step(60 * MIN);
    const finished = clock.now();
    expect(finished - called).toBe(5 * MIN);
    expect(pc.notices).toEqual([
      { code: 'CLOCK_STEPPED', stepMs: -10 * MIN, wallAt: T0 - 5 * MIN, hallAt: T0 + 5 * MIN },
      { code: 'CLOCK_STEPPED', stepMs: 60 * MIN, wallAt: T0 + 60 * MIN, hallAt: T0 + 10 * MIN },
    ]);
    // A 过号 still to be undone keeps the hall's time running on until its undo ends.
    pc.quiet(finished + 10_000);
    pc.pass(5_000);
    expect(clock.now()).toBe(finished + 5_000);
    pc.pass(5_000);
    expect(clock.now()).toBe(pc.wall);
    expect(pc.notices.at(-1)).toEqual({ code: 'CLOCK_FOLLOWED', movedMs: 50 * MIN, hallAt: pc.wall });
    expect(pc.codes()).toEqual(['CLOCK_STEPPED', 'CLOCK_STEPPED', 'CLOCK_FOLLOWED']);
  });

  it('takes a step back by standing still while quiet until the wall clock catches up, never going back', () => {
    const pc = fakePc();
    const clock = pc.clock();
    pc.step(-10 * MIN);
    expect(clock.now()).toBe(T0);
    pc.pass(4 * MIN);
    expect(clock.now()).toBe(T0);
    // Busy again: the hall's time runs on from where it stood.
    pc.busy();
    pc.pass(3 * MIN);
    expect(clock.now()).toBe(T0 + 3 * MIN);
    pc.quiet();
    pc.pass(4 * MIN);
    expect(clock.now()).toBe(T0 + 3 * MIN);
    expect(pc.codes()).toEqual(['CLOCK_STEPPED']);
    pc.pass(2 * MIN);
    expect(clock.now()).toBe(pc.wall);
    expect(pc.wall).toBe(T0 + 3 * MIN);
    expect(pc.notices.at(-1)).toEqual({ code: 'CLOCK_FOLLOWED', movedMs: 0, hallAt: T0 + 3 * MIN });
    pc.pass(MIN);
    expect(clock.now()).toBe(T0 + 4 * MIN);
  });

  it('starts from the last time on record when the wall clock is behind it', () => {
    const pc = fakePc(T0 - 20 * MIN);
    const clock = pc.clock(T0);
    expect(pc.notices).toEqual([{ code: 'CLOCK_BEHIND_RECORDS', behindMs: 20 * MIN, wallAt: T0 - 20 * MIN, hallAt: T0 }]);
    expect(clock.now()).toBe(T0);
    pc.pass(20 * MIN);
    expect(clock.now()).toBe(T0);
    pc.pass(MIN);
    expect(clock.now()).toBe(T0 + MIN);
    expect(pc.codes()).toEqual(['CLOCK_BEHIND_RECORDS', 'CLOCK_FOLLOWED']);
  });

  it('does not stand still for a wall clock far behind: it runs on, says so once, and follows it when it is set right', () => {
    const reset = Date.parse('2000-01-01T00:00:00+08:00');
    const pc = fakePc(reset);
    const clock = pc.clock(T0);
    expect(clock.now()).toBe(T0);
    pc.pass(2 * MIN);
    expect(clock.now()).toBe(T0 + 2 * MIN);
    pc.pass(MIN);
    expect(clock.now()).toBe(T0 + 3 * MIN);
    expect(pc.codes()).toEqual(['CLOCK_BEHIND_RECORDS']);
    // While running the clock is stepped far back: told once.
    const pc2 = fakePc();
    const running = pc2.clock();
    pc2.step(-(CLOCK_MAX_HOLD_MS + MIN));
    expect(running.now()).toBe(T0);
    pc2.pass(MIN);
    expect(running.now()).toBe(T0 + MIN);
    pc2.pass(MIN);
    running.now();
    expect(pc2.codes()).toEqual(['CLOCK_STEPPED', 'CLOCK_BEHIND']);
    // NTP sets the first PC's clock right, ahead of the hall's time: taken while quiet.
    pc.step(T0 + 30 * MIN - pc.wall);
    expect(clock.now()).toBe(T0 + 30 * MIN);
    expect(pc.codes()).toEqual(['CLOCK_BEHIND_RECORDS', 'CLOCK_STEPPED', 'CLOCK_FOLLOWED']);
  });

  it('notices nothing when the wall clock only drifts within the tolerance', () => {
    const pc = fakePc();
    const clock = pc.clock();
    pc.busy();
    for (let i = 0; i < 10; i++) {
      pc.pass(MIN);
      pc.step(1_500);
      clock.now();
    }
    expect(pc.notices).toEqual([]);
  });
});
