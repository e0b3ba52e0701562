import { NO_SHOW_UNDO_SECONDS } from '@hall/shared';
import type { HallState } from './types';

// The hall's time may move to the PC's clock only at a moment nothing of the hall spans: then a
// step of the PC's clock cannot land inside a wait, a visit, a 过号's undo or a pad's question,
// and every duration the hall records stays true (runtime/hall-clock.ts, docs/OPERATIONS.md).

/**
 * From when the hall is quiet, as the state stands: null while a ticket waits or is in a
 * window's hand (called, being served) or a pad asks for a rating (no moment is quiet until a
 * command changes that); otherwise the first moment the windows' last 过号 can no longer be
 * undone (0 when there is none).
 */
export function quietFrom(state: HallState): number | null {
  if (state.tickets.waitingCount > 0) return null;
  let from = 0;
  for (const window of state.windows.values()) {
    if (window.currentTicketId !== null) return null;
    if (window.lastNoShow) from = Math.max(from, window.lastNoShow.at + NO_SHOW_UNDO_SECONDS * 1000 + 1);
  }
  for (const evaluation of state.evaluations.values()) if (evaluation.status === 'pending') return null;
  return from;
}
