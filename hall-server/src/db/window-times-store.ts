import type { WindowState } from '@hall/shared';
import type { Db } from './connection';

// Since when each window is in its state, from the event log (the office's live view): the
// state itself is kept without its time, and the log has it, across restarts too.

type WindowEventType = 'window.signed_in' | 'window.signed_out' | 'window.paused' | 'window.resumed';

/** The events that put a window into each state; its latest of them this service day is when. */
const INTO: Record<WindowState, readonly WindowEventType[]> = {
  // A sign-in at a paused window leaves it paused, but a paused window is measured by its pause.
  open: ['window.signed_in', 'window.resumed'],
  paused: ['window.paused'],
  closed: ['window.signed_out'],
};

export class WindowTimesStore {
  private readonly latest;

  constructor(db: Db) {
    this.latest = db.prepare(
      `SELECT window_no AS windowNo, type, MAX(at) AS at FROM events
       WHERE service_date = ? AND type IN ('window.signed_in', 'window.signed_out', 'window.paused', 'window.resumed')
       GROUP BY window_no, type`,
    );
  }

  /** Per window, when it came into `state` on the service day (ms); a window missing came into it on an earlier day. */
  since(serviceDate: string, states: ReadonlyMap<number, WindowState>): Map<number, number> {
    const rows = this.latest.all(serviceDate) as { windowNo: number; type: WindowEventType; at: number }[];
    const since = new Map<number, number>();
    for (const { windowNo, type, at } of rows) {
      const state = states.get(windowNo);
      if (state === undefined || !INTO[state].includes(type)) continue;
      since.set(windowNo, Math.max(since.get(windowNo) ?? 0, at));
    }
    return since;
  }
}
