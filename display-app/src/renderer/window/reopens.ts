import type { WindowView } from '@hall/shared';

/**
 * When a paused window says it reopens, while that is still to come by the screen's (server-
 * corrected) clock; null once it has passed: a time already gone would tell the queue to wait
 * for something that did not happen.
 */
export function reopensAt(view: Pick<WindowView, 'pauseUntil'>, now: number): number | null {
  if (view.pauseUntil === null) return null;
  const at = Date.parse(view.pauseUntil);
  return at > now ? at : null;
}
