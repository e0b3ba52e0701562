import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection';
import { EvaluationStore } from '../../src/db/evaluation-store';
import { IdempotencyStore } from '../../src/db/idempotency-store';
import { migrate } from '../../src/db/migrate';
import { SetupStore } from '../../src/db/setup-store';

// A hall's database made by an older version, brought up to date: what it held is still there.

const migrations = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));
let dir: string;
let db: Db;

/** The database as the version with migrations up to `version` left it. */
function migratedUpTo(version: number): void {
  const older = join(dir, 'older-migrations');
  mkdirSync(older);
  for (const file of readdirSync(migrations).filter((f) => Number(f.slice(0, 3)) <= version)) copyFileSync(join(migrations, file), join(older, file));
  expect(migrate(db, older)).toBe(version);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  db = openDatabase(join(dir, 'hall.db'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 007: request keys on their tickets', () => {
  it('moves every key onto the ticket it produced; the retry of that day still finds it', () => {
    migratedUpTo(6);
    db.exec(`INSERT INTO categories (code, position, name, default_handling_minutes) VALUES ('A', 1, '公安户政', 8);
             INSERT INTO service_days (service_date, opened_at) VALUES ('2026-12-04', 0), ('2026-12-07', 0);`);
    const ticket = db.prepare(`INSERT INTO tickets (id, service_date, number, seq, category, status, issued_at) VALUES (?, ?, ?, ?, 'A', 'waiting', 0)`);
    ticket.run('t-old', '2026-12-04', 'A001', 1);
    ticket.run('t-1', '2026-12-07', 'A001', 1);
    ticket.run('t-2', '2026-12-07', 'A002', 2);
    const key = db.prepare(`INSERT INTO idempotency_keys (key, request, ticket_id, created_at) VALUES (?, ?, ?, 0)`);
    key.run('kiosk-1-tap-9', '{"category":"A","priority":false}', 't-old');
    key.run('kiosk-1-tap-10', '{"category":"A","priority":false}', 't-1');

    expect(migrate(db)).toBeGreaterThanOrEqual(7);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'idempotency_keys'`).get()).toBeUndefined();
    expect(db.prepare(`SELECT id, request_key AS key FROM tickets ORDER BY id`).all()).toEqual([
      { id: 't-1', key: 'kiosk-1-tap-10' },
      { id: 't-2', key: null },
      { id: 't-old', key: 'kiosk-1-tap-9' },
    ]);
    const keys = new IdempotencyStore(db);
    expect(keys.lookup('2026-12-07', 'kiosk-1-tap-10')).toEqual({ request: '{"category":"A","priority":false}', ticketId: 't-1' });
    // A key is known for its service day.
    expect(keys.lookup('2026-12-07', 'kiosk-1-tap-9')).toBeNull();
    expect(keys.lookup('2026-12-04', 'kiosk-1-tap-9')).toMatchObject({ ticketId: 't-old' });
  });
});

describe('migration 009: held ratings and the call-back number', () => {
  it('keeps the ratings and follow-ups already on record, with nothing held and no number', () => {
    migratedUpTo(8);
    db.exec(`INSERT INTO categories (code, position, name, default_handling_minutes) VALUES ('A', 1, '公安户政', 8);
             INSERT INTO service_days (service_date, opened_at) VALUES ('2026-12-07', 0);
             INSERT INTO tickets (id, service_date, number, seq, category, status, issued_at) VALUES ('t-1', '2026-12-07', 'A001', 1, 'A', 'finished', 0);
             INSERT INTO evaluations (ticket_id, service_date, number, window_no, staff_no, status, level, stars, reasons, channel, requested_at, closes_at, rated_at, follow_up_id)
               VALUES ('t-1', '2026-12-07', 'A001', 1, '1001', 'rated', 'dissatisfied', 2, '["slow"]', 'pad', 0, 30000, 1000, 'f-1');
             INSERT INTO follow_ups (id, ticket_id, service_date, number, window_no, staff_no, level, reasons, opened_at, callback_due, fix_due)
               VALUES ('f-1', 't-1', '2026-12-07', 'A001', 1, '1001', 'dissatisfied', '["slow"]', 1000, '2026-12-08', '2026-12-28');`);

    expect(migrate(db)).toBeGreaterThanOrEqual(9);
    const store = new EvaluationStore(db);
    expect(store.evaluation('t-1')).toMatchObject({ status: 'rated', level: 'dissatisfied', reasons: ['slow'], held: null, callbackPhone: null });
    expect(store.followUp('f-1')).toMatchObject({ reasons: ['slow'], callbackPhone: null });
    // A rating is still never changed, also by the new columns.
    expect(() => db.exec(`UPDATE evaluations SET callback_phone = '13812345678' WHERE ticket_id = 't-1'`)).toThrow('a rating is never changed');
  });
});

describe('the migrations folder', () => {
  it('has one file per number (a shared number would be skipped on a database already at it)', () => {
    const numbers = readdirSync(migrations).filter((f) => /^\d{3}-/.test(f)).map((f) => f.slice(0, 3));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refuses to migrate with two files of one number', () => {
    const twin = join(dir, 'twin-migrations');
    mkdirSync(twin);
    for (const file of readdirSync(migrations)) copyFileSync(join(migrations, file), join(twin, file));
    copyFileSync(join(migrations, '001-initial.sql'), join(twin, '001-again.sql'));
    expect(() => migrate(db, twin)).toThrow(/two migrations numbered 001/);
  });
});

describe('migration 013: the set-up edited live', () => {
  it('keeps a hall of version 12 as it was: every person active, every category open, nothing removed', () => {
    migratedUpTo(12);
    db.exec(`INSERT INTO hall_settings (id, settings) VALUES (1, '{"name":"县政务服务中心"}');
             INSERT INTO categories (code, position, name, default_handling_minutes) VALUES ('A', 0, '公安户政', 8);
             INSERT INTO windows (no, name, department, categories, routing) VALUES (1, '1号窗口', '公安局', '["A"]', 'fifo');
             INSERT INTO staff (staff_no, name, roles, windows, pin_hash) VALUES ('1001', '张一', '["window"]', '[1]', 'scrypt$x');
             INSERT INTO pads (device_id, window_no) VALUES ('pad-01', 1);`);

    expect(migrate(db)).toBeGreaterThanOrEqual(13);
    const setup = new SetupStore(db).load();
    expect(setup.categories).toEqual([{ code: 'A', name: '公安户政', defaultHandlingMinutes: 8, items: [], open: true }]);
    expect(setup.windows.map((w) => w.no)).toEqual([1]);
    expect(setup.staff).toEqual([{ staffNo: '1001', name: '张一', roles: ['window'], windows: [1], active: true }]);
    expect(setup.pads).toEqual([{ deviceId: 'pad-01', windowNo: 1 }]);
  });
});
