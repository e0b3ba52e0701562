import type { Hall } from './hall';

// Writes the reports' closed days (commands/report-days.ts) in the background: on start every
// closed day not yet written (five years' backlog after an upgrade), and the day before each
// time the service day turns. A few days per turn of the event loop, so the hall is never held
// for long (BENCHMARKS.md section 9 gives the time per day), and only a while after the start or
// the turn of the day: the busy moments of the hall's morning (and its tools' direct writes
// after a start) go first; until then the reports read those days live, with the same figures.

/** Days written per turn of the event loop. */
export const ROLLUP_DAYS_PER_TURN = 2;
/** How long after the start or the day's turn the writing begins. */
export const ROLLUP_DELAY_MS = 60_000;

export class ReportRollup {
  private running = false;
  private stopped = false;

  constructor(
    private readonly hall: Pick<Hall, 'rollUpClosedDays' | 'onChange'>,
    private readonly failed: (error: unknown) => void,
    private readonly delayMs = ROLLUP_DELAY_MS,
  ) {
    hall.onChange((change) => {
      if (change.outcome.events.some((e) => e.type === 'day.opened')) this.start();
    });
  }

  /** Writes every closed day not yet written, a few per turn, after the delay; a second call while it waits or runs does nothing. */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    const turn = () => {
      if (this.stopped) return;
      try {
        if (this.hall.rollUpClosedDays(ROLLUP_DAYS_PER_TURN) > 0) {
          setImmediate(turn);
          return;
        }
      } catch (error) {
        this.failed(error);
      }
      this.running = false;
    };
    setTimeout(turn, this.delayMs).unref();
  }

  stop(): void {
    this.stopped = true;
  }
}
