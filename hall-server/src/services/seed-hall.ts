import { HallConfigFile } from '@hall/shared';
import { readFileSync } from 'node:fs';
import type { Db } from '../db/connection';
import { hashPin } from './pin-hash';

export class HallConfigError extends Error {
  constructor(path: string, problems: string) {
    super(`hall config ${path} is not valid:\n${problems}`);
    this.name = 'HallConfigError';
  }
}

export function readHallConfig(path: string): HallConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new HallConfigError(path, (error as Error).message);
  }
  const parsed = HallConfigFile.safeParse(raw);
  if (!parsed.success) {
    throw new HallConfigError(path, parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return parsed.data;
}

/** Writes a hall's set-up into an empty database (first start). */
export async function seedHall(db: Db, config: HallConfigFile): Promise<void> {
  const pinHashes = await Promise.all(config.staff.map((s) => hashPin(s.pin)));
  db.transaction(() => {
    db.prepare(`INSERT INTO hall_settings (id, settings) VALUES (1, ?)`).run(JSON.stringify(config.settings));
    const insertCategory = db.prepare(
      `INSERT INTO categories (code, position, name, name_en, default_handling_minutes, open) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertItem = db.prepare(`INSERT INTO service_items (category, code, position, name) VALUES (?, ?, ?, ?)`);
    config.categories.forEach((c, position) => {
      insertCategory.run(c.code, position, c.name, c.nameEn ?? null, c.defaultHandlingMinutes, c.open ? 1 : 0);
      c.items.forEach((item, i) => insertItem.run(c.code, item.code, i, item.name));
    });
    const insertWindow = db.prepare(`INSERT INTO windows (no, name, department, categories, routing) VALUES (?, ?, ?, ?, ?)`);
    for (const w of config.windows) insertWindow.run(w.no, w.name, w.department, JSON.stringify(w.categories), w.routing);
    const insertStaff = db.prepare(`INSERT INTO staff (staff_no, name, roles, windows, active, pin_hash) VALUES (?, ?, ?, ?, ?, ?)`);
    config.staff.forEach((s, i) =>
      insertStaff.run(s.staffNo, s.name, JSON.stringify(s.roles), JSON.stringify(s.windows), s.active ? 1 : 0, pinHashes[i]),
    );
    const insertPad = db.prepare(`INSERT INTO pads (device_id, window_no, name) VALUES (?, ?, ?)`);
    for (const pad of config.pads) insertPad.run(pad.deviceId, pad.windowNo, pad.name ?? null);
    const insertKiosk = db.prepare(`INSERT INTO kiosks (device_id, position, name) VALUES (?, ?, ?)`);
    config.kiosks.forEach((kiosk, position) => insertKiosk.run(kiosk.deviceId, position, kiosk.name));
  })();
}
