// The hall keeps its own time (docs/OPERATIONS.md, "The hall's clock"). The PC's wall clock can
// be stepped, back or forward, by NTP or by a person; every ticket, call, finish and rating is
// stamped with the hall's time, and a wait or a visit is the difference of two stamps. So the
// hall's time runs on the monotonic clock, which only ever runs on at the true rate, and moves to
// the wall clock only at a quiet moment (domain/quiet.ts), when no wait, visit, 过号 undo or
// pad's question spans the move. It never goes back: a step back is taken by holding the hall's
// time still, while quiet, until the wall clock catches up.

export interface Clock {
  now(): number;
}

/** The PC's two clocks: the wall clock (ms since 1970, may be stepped) and a monotonic one (ms, only runs on). */
export interface ClockSources {
  wall(): number;
  monotonic(): number;
}

export const systemClockSources: ClockSources = { wall: () => Date.now(), monotonic: () => performance.now() };

/** A move of the wall clock against the monotonic one beyond this, between two readings, is a step (NTP's slewing is far below it). */
export const CLOCK_STEP_TOLERANCE_MS = 2_000;
/**
 * The furthest the wall clock may be behind the hall's time for the hall to hold still, while
 * quiet, until it catches up. Further behind (a clock reset to 2000, a date typed wrong), holding
 * would stop the hall's time for hours or years: it runs on, ahead of the wall clock, and says so.
 */
export const CLOCK_MAX_HOLD_MS = 3_600_000;

/** What the hall's clock tells the log (server.ts). Times are ms since 1970. */
export type ClockNotice =
  /** The wall clock jumped by `stepMs` (negative: back) between two readings. */
  | { code: 'CLOCK_STEPPED'; stepMs: number; wallAt: number; hallAt: number }
  /** At start the wall clock was behind the last time on record: the hall starts from its records. */
  | { code: 'CLOCK_BEHIND_RECORDS'; behindMs: number; wallAt: number; hallAt: number }
  /** The hall's time is on the wall clock again: it moved forward by `movedMs` then (0: the wall clock caught up with it). */
  | { code: 'CLOCK_FOLLOWED'; movedMs: number; hallAt: number }
  /** The wall clock is more than CLOCK_MAX_HOLD_MS behind the hall's time: the hall runs on its own, a person should look. */
  | { code: 'CLOCK_BEHIND'; behindMs: number; wallAt: number; hallAt: number };

export interface HallClockOptions {
  /** The last time on record (the newest event's), or null for a hall with none. */
  floor: number | null;
  /** `quietFrom` (domain/quiet.ts) of the hall as it stands now. */
  quietFrom(): number | null;
  notice(notice: ClockNotice): void;
}

export class HallClock implements Clock {
  /** The hall's time when the monotonic clock read `monoAt`: it runs on from there. */
  private anchor: number;
  private monoAt: number;
  /** The last time given out; never gone back on. */
  private last: number;
  /** Both clocks as last read, to notice a step between two readings. */
  private lastWall: number;
  private lastMono: number;
  /** A step was noticed and the hall's time is not on the wall clock yet. */
  private off = false;
  /** CLOCK_BEHIND was told and the wall clock is still that far behind. */
  private behind = false;

  constructor(
    private readonly sources: ClockSources,
    private readonly options: HallClockOptions,
  ) {
    const wall = Math.floor(sources.wall());
    const mono = sources.monotonic();
    const start = Math.max(wall, options.floor ?? wall);
    this.anchor = this.last = start;
    this.monoAt = this.lastMono = mono;
    this.lastWall = wall;
    if (start - wall > CLOCK_STEP_TOLERANCE_MS) {
      this.off = true;
      this.behind = start - wall > CLOCK_MAX_HOLD_MS;
      options.notice({ code: 'CLOCK_BEHIND_RECORDS', behindMs: start - wall, wallAt: wall, hallAt: start });
    }
  }

  now(): number {
    const wall = Math.floor(this.sources.wall());
    const mono = this.sources.monotonic();
    const running = this.anchor + Math.floor(mono - this.monoAt);
    const step = wall - this.lastWall - (mono - this.lastMono);
    this.lastWall = wall;
    this.lastMono = mono;
    if (Math.abs(step) > CLOCK_STEP_TOLERANCE_MS) {
      this.off = true;
      this.options.notice({ code: 'CLOCK_STEPPED', stepMs: Math.round(step), wallAt: wall, hallAt: running });
    }
    let at = running;
    const quietFrom = this.options.quietFrom();
    if (quietFrom !== null && running >= quietFrom) {
      if (wall >= this.last) at = wall;
      else if (running - wall <= CLOCK_MAX_HOLD_MS) at = this.last;
    }
    at = Math.max(at, this.last);
    if (at !== running) {
      this.anchor = at;
      this.monoAt = mono;
    }
    this.last = at;
    this.watch(wall, at, running);
    return at;
  }

  private watch(wall: number, at: number, running: number): void {
    const behind = at - wall > CLOCK_MAX_HOLD_MS;
    if (behind && !this.behind) this.options.notice({ code: 'CLOCK_BEHIND', behindMs: at - wall, wallAt: wall, hallAt: at });
    this.behind = behind;
    if (this.off && Math.abs(at - wall) <= CLOCK_STEP_TOLERANCE_MS) {
      this.off = false;
      this.options.notice({ code: 'CLOCK_FOLLOWED', movedMs: Math.max(0, at - running), hallAt: at });
    }
  }
}
