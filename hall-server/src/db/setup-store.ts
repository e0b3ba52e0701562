import { Category, HallSettings, HallWindow, Kiosk, Pad, Staff, type SetupPart } from '@hall/shared';
import type { HallSetup, Outcome } from '../domain';
import type { Db } from './connection';

// The hall's set-up in its tables. Categories and windows taken out of the hall stay as rows
// marked removed (tickets, window states and sessions name them); staff are never deleted, and
// their PIN hashes never leave the staff table. A new person's hash is '' until a PIN is set,
// which no PIN verifies against.

interface CategoryRow {
  code: string;
  name: string;
  name_en: string | null;
  default_handling_minutes: number;
  open: number;
}

interface WindowRow {
  no: number;
  name: string;
  department: string;
  categories: string;
  routing: string;
}

interface StaffRow {
  staff_no: string;
  name: string;
  roles: string;
  windows: string;
  active: number;
}

export class SetupStore {
  constructor(private readonly db: Db) {}

  /** The set-up in force: without the categories and windows removed from it. */
  load(): HallSetup {
    const settingsRow = this.db.prepare(`SELECT settings FROM hall_settings WHERE id = 1`).get() as { settings: string } | undefined;
    if (!settingsRow) throw new Error('the hall has no set-up: seed it first');
    const items = this.db.prepare(`SELECT category, code, name FROM service_items ORDER BY category, position`).all() as { category: string; code: string; name: string }[];
    const categories = (this.db.prepare(`SELECT * FROM categories WHERE removed_at IS NULL ORDER BY position`).all() as CategoryRow[]).map((row) =>
      Category.parse({
        code: row.code,
        name: row.name,
        nameEn: row.name_en ?? undefined,
        defaultHandlingMinutes: row.default_handling_minutes,
        items: items.filter((i) => i.category === row.code).map(({ code, name }) => ({ code, name })),
        open: row.open === 1,
      }),
    );
    const windows = (this.db.prepare(`SELECT * FROM windows WHERE removed_at IS NULL ORDER BY no`).all() as WindowRow[]).map((row) =>
      HallWindow.parse({ ...row, categories: JSON.parse(row.categories) }),
    );
    const staff = (this.db.prepare(`SELECT staff_no, name, roles, windows, active FROM staff ORDER BY staff_no`).all() as StaffRow[]).map((row) =>
      Staff.parse({ staffNo: row.staff_no, name: row.name, roles: JSON.parse(row.roles), windows: JSON.parse(row.windows), active: row.active === 1 }),
    );
    const pads = (this.db.prepare(`SELECT device_id AS deviceId, window_no AS windowNo, name FROM pads ORDER BY rowid`).all() as { name: string | null }[]).map(
      ({ name, ...pad }) => Pad.parse(name === null ? pad : { ...pad, name }),
    );
    const kiosks = (this.db.prepare(`SELECT device_id AS deviceId, name FROM kiosks ORDER BY position`).all() as unknown[]).map((row) => Kiosk.parse(row));
    return { settings: HallSettings.parse(JSON.parse(settingsRow.settings)), categories, windows, staff, pads, kiosks };
  }

  /** Writes the parts of the set-up a command changed, and ends the sessions it shut out. */
  save(outcome: Outcome<unknown>): void {
    const parts = new Set<SetupPart>();
    let at = 0;
    for (const event of outcome.events) {
      if (event.type === 'setup.changed') {
        parts.add(event.part);
        at = event.at;
      }
    }
    const { setup } = outcome;
    if (setup !== null) {
      if (parts.has('settings')) this.db.prepare(`UPDATE hall_settings SET settings = ? WHERE id = 1`).run(JSON.stringify(setup.settings));
      if (parts.has('category')) this.saveCategories(setup, at);
      if (parts.has('window')) this.saveWindows(setup, at);
      if (parts.has('staff')) this.saveStaff(setup);
      if (parts.has('pad')) this.savePads(setup);
      if (parts.has('kiosk')) this.saveKiosks(setup);
    }
    this.endSessions(outcome);
  }

  /** The staff numbers of the people with a PIN ('' is none: a person added, their PIN not yet set). */
  staffWithPin(): string[] {
    return (this.db.prepare(`SELECT staff_no FROM staff WHERE pin_hash != ''`).all() as { staff_no: string }[]).map((r) => r.staff_no);
  }

  /** The visits booked and not yet checked in, from `from` on: a category keeps them. */
  bookedAppointments(from: string): { category: string; date: string }[] {
    return this.db.prepare(`SELECT category, date FROM appointments WHERE status = 'booked' AND date >= ? ORDER BY date`).all(from) as { category: string; date: string }[];
  }

  /** Who is on a day's own roster from `from` on: they stay in the hall until taken off it. */
  rosteredFrom(from: string): { staffNo: string; date: string }[] {
    return this.db.prepare(`SELECT DISTINCT staff_no AS staffNo, date FROM duty_roster WHERE date >= ? ORDER BY date`).all(from) as { staffNo: string; date: string }[];
  }

  /** A window's name, also once it was removed: the reports of the days it served name it. */
  windowName(no: number): string | null {
    return (this.db.prepare(`SELECT name FROM windows WHERE no = ?`).get(no) as { name: string } | undefined)?.name ?? null;
  }

  private saveCategories(setup: HallSetup, at: number): void {
    const upsert = this.db.prepare(`
      INSERT INTO categories (code, position, name, name_en, default_handling_minutes, open, removed_at)
      VALUES (@code, @position, @name, @nameEn, @defaultHandlingMinutes, @open, NULL)
      ON CONFLICT (code) DO UPDATE SET position = excluded.position, name = excluded.name, name_en = excluded.name_en,
        default_handling_minutes = excluded.default_handling_minutes, open = excluded.open, removed_at = NULL`);
    const insertItem = this.db.prepare(`INSERT INTO service_items (category, code, position, name) VALUES (?, ?, ?, ?)`);
    this.db.prepare(`DELETE FROM service_items`).run();
    setup.categories.forEach((c, position) => {
      upsert.run({ code: c.code, position, name: c.name, nameEn: c.nameEn ?? null, defaultHandlingMinutes: c.defaultHandlingMinutes, open: c.open ? 1 : 0 });
      c.items.forEach((item, i) => insertItem.run(c.code, item.code, i, item.name));
    });
    this.markRemoved('categories', 'code', setup.categories.map((c) => c.code), at);
  }

  private saveWindows(setup: HallSetup, at: number): void {
    const upsert = this.db.prepare(`
      INSERT INTO windows (no, name, department, categories, routing, removed_at) VALUES (@no, @name, @department, @categories, @routing, NULL)
      ON CONFLICT (no) DO UPDATE SET name = excluded.name, department = excluded.department, categories = excluded.categories,
        routing = excluded.routing, removed_at = NULL`);
    for (const w of setup.windows) upsert.run({ ...w, categories: JSON.stringify(w.categories) });
    this.markRemoved('windows', 'no', setup.windows.map((w) => w.no), at);
  }

  private markRemoved(table: 'categories' | 'windows', key: 'code' | 'no', kept: readonly (string | number)[], at: number): void {
    this.db.prepare(`UPDATE ${table} SET removed_at = ? WHERE removed_at IS NULL AND ${key} NOT IN (SELECT value FROM json_each(?))`).run(at, JSON.stringify(kept));
  }

  private saveStaff(setup: HallSetup): void {
    const upsert = this.db.prepare(`
      INSERT INTO staff (staff_no, name, roles, windows, active, pin_hash) VALUES (@staffNo, @name, @roles, @windows, @active, '')
      ON CONFLICT (staff_no) DO UPDATE SET name = excluded.name, roles = excluded.roles, windows = excluded.windows, active = excluded.active`);
    for (const s of setup.staff) upsert.run({ staffNo: s.staffNo, name: s.name, roles: JSON.stringify(s.roles), windows: JSON.stringify(s.windows), active: s.active ? 1 : 0 });
  }

  /** In the set-up's order (read back by rowid). */
  private savePads(setup: HallSetup): void {
    this.db.prepare(`DELETE FROM pads`).run();
    const insert = this.db.prepare(`INSERT INTO pads (device_id, window_no, name) VALUES (?, ?, ?)`);
    for (const pad of setup.pads ?? []) insert.run(pad.deviceId, pad.windowNo, pad.name ?? null);
  }

  private saveKiosks(setup: HallSetup): void {
    this.db.prepare(`DELETE FROM kiosks`).run();
    const insert = this.db.prepare(`INSERT INTO kiosks (device_id, position, name) VALUES (?, ?, ?)`);
    (setup.kiosks ?? []).forEach((kiosk, position) => insert.run(kiosk.deviceId, position, kiosk.name));
  }

  /**
   * The sessions a set-up command shut out: every session of a person who left or whose PIN was
   * reset (office pages too), and a window's session when its person lost it.
   */
  private endSessions(outcome: Outcome<unknown>): void {
    const endPerson = (staffNo: string, at: number, reason: string) => {
      this.db.prepare(`UPDATE staff_sessions SET ended_at = ?, end_reason = ? WHERE staff_no = ? AND ended_at IS NULL`).run(at, reason, staffNo);
      this.db.prepare(`UPDATE office_sessions SET ended_at = ?, end_reason = ? WHERE staff_no = ? AND ended_at IS NULL`).run(at, reason, staffNo);
    };
    for (const event of outcome.events) {
      if (event.type === 'staff.pin_reset') endPerson(event.forStaffNo, event.at, 'pin_reset');
      else if (event.type === 'setup.changed' && event.part === 'staff' && (event.after as Staff | undefined)?.active === false && (event.before as Staff | undefined)?.active !== false) {
        endPerson(event.key, event.at, 'retired');
      } else if (event.type === 'window.signed_out' && (event.reason === 'deauthorised' || event.reason === 'window_removed')) {
        this.db
          .prepare(`UPDATE staff_sessions SET ended_at = ?, end_reason = ? WHERE staff_no = ? AND window_no = ? AND ended_at IS NULL`)
          .run(event.at, event.reason, event.staffNo, event.windowNo);
      }
    }
  }
}
