import type { OfficeLiveReply, WindowState } from '@hall/shared';
import * as domain from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';

// The office's live view (issue 16, H3): since when each window is in its state and serves its
// number, who has waited longest in each queue, and the hall's targets. The devices' lines are
// the realtime hub's (devices/watched-devices.ts); the route puts both together.

const iso = (ms: number) => new Date(ms).toISOString();

export function liveHall(rt: HallRuntime): Omit<OfficeLiveReply, 'devices'> {
  const { state } = rt;
  const { settings } = state.setup;
  const states = new Map<number, WindowState>([...state.windows.values()].map((w) => [w.no, w.state]));
  const since = state.serviceDate === null ? new Map<number, number>() : rt.stores.windowTimes.since(state.serviceDate, states);
  return {
    at: iso(rt.now()),
    waitTargetMinutes: settings.waitTargetMinutes,
    pauseLimitMinutes: settings.pauseLimitMinutes,
    windows: state.setup.windows.flatMap(({ no }) => {
      const status = state.windows.get(no);
      if (!status) return [];
      const serving = status.currentTicketId === null ? undefined : state.tickets.get(status.currentTicketId);
      const from = since.get(no);
      return [{ no, state: status.state, since: from === undefined ? null : iso(from), servingSince: serving?.calledAt == null ? null : iso(serving.calledAt) }];
    }),
    queues: state.setup.categories.map(({ code, name, nameEn }) => {
      const longest = state.tickets.longestWaiting(code);
      return {
        code,
        name,
        nameEn: nameEn ?? null,
        longest: longest === undefined ? null : { number: longest.number, waitingSince: iso(domain.joinedAt(longest)) },
      };
    }),
  };
}

export const officeLiveQueries = (rt: HallRuntime) => ({
  liveHall: (): Omit<OfficeLiveReply, 'devices'> => liveHall(rt),
  /** When this server started: a device not heard from since has been without its line since then at least. */
  startedAt: (): number => rt.startedAt,
});
