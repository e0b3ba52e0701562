import { categoryConfig } from './state';
import type { HallState, Ticket } from './types';

// The waiting time printed on a new ticket. People ahead are shared among the windows now
// serving the category; the visitor also waits, on average, for half of a service already
// under way. Handling times are the category's recent ones, or its configured default
// before the hall has any.

export function meanHandlingMs(state: HallState, category: string): number {
  const samples = state.handlingTimes[category] ?? [];
  if (samples.length === 0) return categoryConfig(state, category).defaultHandlingMinutes * 60_000;
  return samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
}

export function estimatedWaitMinutes(state: HallState, ticket: Ticket, ahead: number): number {
  const serving = state.setup.windows.filter((w) =>
    ticket.targetWindowNo !== null ? w.no === ticket.targetWindowNo : w.categories.includes(ticket.category),
  );
  const open = serving.filter((w) => state.windows.get(w.no)?.state === 'open');
  const idle = open.filter((w) => state.windows.get(w.no)?.currentTicketId === null).length;
  if (ahead < idle) return 0;
  // With no window open yet (before opening), assume the configured ones will open.
  const servers = Math.max(1, open.length > 0 ? open.length : serving.length);
  const mean = meanHandlingMs(state, ticket.category);
  const waitMs = mean * ((ahead + 1) / servers) - mean / 2;
  return Math.max(0, Math.round(waitMs / 60_000));
}

/** Adds a finished service's duration to the category's recent handling times. */
export function withHandlingTime(state: HallState, category: string, ms: number): HallState {
  const keep = state.setup.settings.rules.handlingSamples;
  const samples = [...(state.handlingTimes[category] ?? []), ms].slice(-keep);
  return { ...state, handlingTimes: { ...state.handlingTimes, [category]: samples } };
}
