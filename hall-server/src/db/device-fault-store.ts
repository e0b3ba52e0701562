import type { DevicePart, PrintFault } from '@hall/shared';
import { deviceFaultKey, type DeviceFault, type HallEvent } from '../domain';
import type { Db } from './connection';

// The hall's machines' open faults (table device_faults): a device reports a fault only when it
// changes, so after a restart the hall would forget a kiosk out of paper until it is refilled.
// The rows follow the command's own device.fault / device.recovered events, written in the same
// commit, and are read back at start. The event log keeps the history.

interface FaultRow {
  device_id: string;
  part: DevicePart;
  fault: PrintFault;
  message: string;
  since: number;
}

export class DeviceFaultStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      all: db.prepare(`SELECT device_id, part, fault, message, since FROM device_faults`),
      // A device may go from one fault to another (out of paper, then jammed): the new one replaces it, from its own time.
      open: db.prepare(`INSERT OR REPLACE INTO device_faults (device_id, part, fault, message, since) VALUES (@deviceId, @part, @fault, @message, @since)`),
      close: db.prepare(`DELETE FROM device_faults WHERE device_id = ? AND part = ?`),
    };
  }

  /** The faults still open, by `deviceId/part`, as the hall state keeps them. */
  open(): Map<string, DeviceFault> {
    const rows = this.statements.all.all() as FaultRow[];
    return new Map(rows.map((r) => [deviceFaultKey(r.device_id, r.part), { deviceId: r.device_id, part: r.part, fault: r.fault, message: r.message, since: r.since }]));
  }

  /** Writes what a command's events say of faults. The caller wraps it in the command's transaction. */
  save(events: readonly HallEvent[]): void {
    for (const event of events) {
      if (event.type === 'device.fault') this.statements.open.run({ deviceId: event.deviceId, part: event.part, fault: event.fault, message: event.message, since: event.at });
      else if (event.type === 'device.recovered') this.statements.close.run(event.deviceId, event.part);
    }
  }
}
