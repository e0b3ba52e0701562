import type { DeviceKind, HallConfigFile } from '@hall/shared';
import { ServerEnv } from '../../src/config';
import { readHallConfig } from '../../src/services/seed-hall';

/** The demo hall's set-up: what a hall server started without HALL_CONFIG seeds itself with. */
export function readDemoHall(): HallConfigFile {
  return readHallConfig(ServerEnv.parse({}).HALL_CONFIG);
}

/**
 * Someone to sign in at every window: for each window in turn, the first authorised staff
 * member not yet placed (in the demo hall, staff 10NN at window NN).
 */
export function staffEveryWindow(setup: {
  windows: readonly { no: number }[];
  staff: readonly { staffNo: string; windows: readonly number[] }[];
}): Map<number, string> {
  const placed = new Map<number, string>();
  const taken = new Set<string>();
  for (const window of setup.windows) {
    const staff = setup.staff.find((s) => s.windows.includes(window.no) && !taken.has(s.staffNo));
    if (!staff) throw new Error(`nobody left to staff window ${window.no}`);
    placed.set(window.no, staff.staffNo);
    taken.add(staff.staffNo);
  }
  return placed;
}

/** A demo device's credential, as the server host reports it (the bare baseline has none). */
export interface DemoCredential {
  kind: DeviceKind;
  windowNo: number | null;
  token: string;
}

/** The credential of the demo hall's device of that kind (at that window); none for the bare baseline. */
export function tokenOf(credentials: readonly DemoCredential[], kind: DeviceKind, windowNo?: number): string | undefined {
  return credentials.find((c) => c.kind === kind && (windowNo === undefined || c.windowNo === windowNo))?.token;
}
