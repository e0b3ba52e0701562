import type { Db } from './connection';
import type { SetupDevices } from '../devices/admin-devices';

/** The kiosks and pads of the hall's set-up, as stored. */
export function setupDevices(db: Db): SetupDevices {
  return {
    kiosks: db.prepare(`SELECT device_id AS deviceId, name FROM kiosks ORDER BY position`).all() as SetupDevices['kiosks'],
    pads: db.prepare(`SELECT device_id AS deviceId, window_no AS windowNo FROM pads ORDER BY window_no, device_id`).all() as SetupDevices['pads'],
  };
}
