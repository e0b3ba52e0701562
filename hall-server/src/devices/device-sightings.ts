import type { DeviceKind } from '@hall/shared';

// When each of the hall's machines last spoke to the server, and whether it is connected now.
// Kept in memory: after a restart the hall knows only what has spoken since (the admin page says so).

export interface Sighting {
  kind: DeviceKind;
  /** The window a pad or window screen said it is at, null if none. */
  windowNo: number | null;
  lastSeenAt: number;
  /** Its sockets connected now. */
  connections: number;
}

export class DeviceSightings {
  private readonly seen = new Map<string, Sighting>();

  constructor(private readonly now: () => number) {}

  /** A request or a report from the machine; what it said it is when it connected stands. */
  spoke(deviceId: string, kind: DeviceKind): void {
    const known = this.seen.get(deviceId);
    this.seen.set(deviceId, { kind: known?.kind ?? kind, windowNo: known?.windowNo ?? null, lastSeenAt: this.now(), connections: known?.connections ?? 0 });
  }

  connected(deviceId: string, kind: DeviceKind, windowNo: number | null): void {
    const known = this.seen.get(deviceId);
    this.seen.set(deviceId, { kind, windowNo, lastSeenAt: this.now(), connections: (known?.connections ?? 0) + 1 });
  }

  disconnected(deviceId: string): void {
    const known = this.seen.get(deviceId);
    if (known) this.seen.set(deviceId, { ...known, lastSeenAt: this.now(), connections: Math.max(0, known.connections - 1) });
  }

  get(deviceId: string): Sighting | undefined {
    return this.seen.get(deviceId);
  }

  all(): ReadonlyMap<string, Sighting> {
    return this.seen;
  }
}
