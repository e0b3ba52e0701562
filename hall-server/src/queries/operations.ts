import type { FaultHealth } from '@hall/shared';
import type { HallRuntime } from '../runtime/hall-runtime';

// The hall's health as operations read it (issue 17): machines' faults and calls for a guide
// nobody has answered, with the age of the oldest of each.

const ageSeconds = (now: number, since: readonly number[]): number | null => (since.length === 0 ? null : Math.max(0, Math.round((now - Math.min(...since)) / 1000)));

export function faultHealth(rt: HallRuntime): FaultHealth {
  const { state } = rt;
  const now = rt.now();
  const faults = [...state.deviceFaults.values()].map((f) => f.since);
  const help = [...state.helpRequests.values()].filter((r) => r.handledAt === null).map((r) => r.requestedAt);
  return { openFaults: faults.length, oldestFaultSeconds: ageSeconds(now, faults), openHelpRequests: help.length, oldestHelpRequestSeconds: ageSeconds(now, help) };
}

export const operationsQueries = (rt: HallRuntime) => ({
  faultHealth: (): FaultHealth => faultHealth(rt),
});
