import type { Hall } from './hall';

// Writes the reports' closed days (commands/report-days.ts) in the background: on start every
// closed day not yet written (five years' backlog after an upgrade), and the day before each
// time the service day turns. A few days per turn of the event loop, so the hall is never held
// for long (BENCHMARKS.md section 9 gives the time per day).

/** Days written per turn of the event loop. */
export const ROLLUP_DAYS_PER_TURN = 2;

export class ReportRollup {
  private running = false;
  private stopped = false;

  constructor(
    private readonly hall: Pick<Hall, 'rollUpClosedDays' | 'onChange'>,
    private readonly failed: (error: unknown) => void,
  ) {
    hall.onChange((change) => {
      if (change.outcome.events.some((e) => e.type === 'day.opened')) this.start();
    });
  }

  /** Writes every closed day not yet written, a few per turn; a second call while it runs does nothing. */
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
    setImmediate(turn);
  }

  stop(): void {
    this.stopped = true;
  }
}
