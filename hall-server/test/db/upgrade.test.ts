import { AuditReply, HallReport, TicketProgress, type HallConfigFile } from '@hall/shared';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { hashPin } from '../../src/services/pin-hash';
import { readHallConfig } from '../../src/services/seed-hall';
import { api, login, startTestHall, type TestHall } from '../support/hall-server';

// A hall's database made by an older version of the server, with a day of tickets in it, under
// today's server: it upgrades on start and keeps serving. Version 7 is the schema halls were
// first installed with; version 12 the one before the admin console (issue 14). The old rows
// are written with plain SQL in the columns those versions had, as they stored them.

const migrations = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));
const demoHall = fileURLToPath(new URL('../../config/demo-hall.json', import.meta.url));
const OLD_DAY = '2026-12-04';
const at = (local: string) => Date.parse(`${local}+08:00`);

let dir: string;
let hall: TestHall | null = null;

afterEach(async () => {
  await hall?.stop();
  hall = null;
  rmSync(dir, { recursive: true, force: true });
});

/** The database as the server with migrations up to `version` made it. */
function databaseAt(version: number): { db: Db; path: string } {
  const older = join(dir, 'older-migrations');
  mkdirSync(older);
  for (const file of readdirSync(migrations).filter((f) => Number(f.slice(0, 3)) <= version)) copyFileSync(join(migrations, file), join(older, file));
  const path = join(dir, 'hall.db');
  const db = openDatabase(path);
  expect(migrate(db, older)).toBe(version);
  return { db, path };
}

/** The demo hall's set-up as the old server stored it (its settings had no fields added since). */
async function writeSetup(db: Db, config: HallConfigFile, version: number): Promise<void> {
  const { name, timezone, openingHours, rules, shifts, dutyWeek, evaluationSeconds, calendar } = config.settings;
  const pinHash = await hashPin('123456');
  db.prepare(`INSERT INTO hall_settings (id, settings) VALUES (1, ?)`).run(JSON.stringify({ name, timezone, openingHours, rules, shifts, dutyWeek, evaluationSeconds, calendar }));
  config.categories.forEach((c, position) => {
    db.prepare(`INSERT INTO categories (code, position, name, name_en, default_handling_minutes) VALUES (?, ?, ?, ?, ?)`).run(c.code, position, c.name, c.nameEn ?? null, c.defaultHandlingMinutes);
    c.items.forEach((item, i) => db.prepare(`INSERT INTO service_items (category, code, position, name) VALUES (?, ?, ?, ?)`).run(c.code, item.code, i, item.name));
  });
  for (const w of config.windows) db.prepare(`INSERT INTO windows (no, name, department, categories, routing) VALUES (?, ?, ?, ?, ?)`).run(w.no, w.name, w.department, JSON.stringify(w.categories), w.routing);
  for (const s of config.staff) db.prepare(`INSERT INTO staff (staff_no, name, roles, windows, pin_hash) VALUES (?, ?, ?, ?, ?)`).run(s.staffNo, s.name, JSON.stringify(s.roles), JSON.stringify(s.windows), pinHash);
  for (const pad of config.pads) db.prepare(`INSERT INTO pads (device_id, window_no) VALUES (?, ?)`).run(pad.deviceId, pad.windowNo);
  if (version >= 10) config.kiosks.forEach((k, position) => db.prepare(`INSERT INTO kiosks (device_id, position, name) VALUES (?, ?, ?)`).run(k.deviceId, position, k.name));
}

/**
 * Friday 2026-12-04: A001 served at window 1 and rated 非常满意 on its pad; A002 a no-show;
 * B001 served at window 3, rated 不满意 (follow-up opened); B002 still waiting at closing.
 * Window 1 was left open with 王芳 signed in; the day had its own roster and a notice.
 */
/** A ticket's row as the upgraded database holds it (read beside the running server). */
function ticketRow(path: string, id: string): unknown {
  const db = openDatabase(path);
  try {
    return db.prepare('SELECT * FROM tickets WHERE id = ?').get(id);
  } finally {
    db.close();
  }
}

function writeDay(db: Db): void {
  db.prepare(`INSERT INTO service_days (service_date, opened_at) VALUES (?, ?)`).run(OLD_DAY, at(`${OLD_DAY}T08:30:00`));
  const ticket = db.prepare(`INSERT INTO tickets (id, service_date, number, seq, category, status, priority, issued_at, target_window_no, window_no,
    called_at, finished_at, reactivated_at, case_no, request_key, request) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?, NULL, ?, ?, ?)`);
  ticket.run('old-a1', OLD_DAY, 'A001', 1, 'A', 'finished', at(`${OLD_DAY}T09:01:00`), 1, at(`${OLD_DAY}T09:05:00`), at(`${OLD_DAY}T09:17:00`), 'BJ-2026-0001', 'kiosk-01-tap-1', '{"category":"A","priority":false}');
  ticket.run('old-a2', OLD_DAY, 'A002', 2, 'A', 'no_show', at(`${OLD_DAY}T09:02:00`), 1, at(`${OLD_DAY}T09:18:00`), null, null, null, null);
  ticket.run('old-b1', OLD_DAY, 'B001', 1, 'B', 'finished', at(`${OLD_DAY}T09:03:00`), 3, at(`${OLD_DAY}T09:04:00`), at(`${OLD_DAY}T09:24:00`), null, null, null);
  ticket.run('old-b2', OLD_DAY, 'B002', 2, 'B', 'waiting', at(`${OLD_DAY}T16:50:00`), null, null, null, null, null, null);
  const event = db.prepare(`INSERT INTO events (at, service_date, type, ticket_id, window_no, staff_no, data) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  event.run(at(`${OLD_DAY}T08:30:00`), OLD_DAY, 'day.opened', null, null, null, '{}');
  event.run(at(`${OLD_DAY}T08:55:00`), OLD_DAY, 'window.signed_in', null, 1, '1001', '{}');
  event.run(at(`${OLD_DAY}T09:01:00`), OLD_DAY, 'ticket.issued', 'old-a1', null, null, '{}');
  event.run(at(`${OLD_DAY}T09:05:00`), OLD_DAY, 'ticket.called', 'old-a1', 1, '1001', '{"how":"next"}');
  event.run(at(`${OLD_DAY}T09:17:00`), OLD_DAY, 'ticket.finished', 'old-a1', 1, '1001', '{"caseNo":"BJ-2026-0001","handlingMs":720000}');
  event.run(at(`${OLD_DAY}T09:17:00`), OLD_DAY, 'evaluation.requested', 'old-a1', 1, '1001', `{"closesAt":${at(`${OLD_DAY}T09:17:30`)}}`);
  event.run(at(`${OLD_DAY}T09:24:00`), OLD_DAY, 'ticket.finished', 'old-b1', 3, '1003', '{"caseNo":null,"handlingMs":1200000}');
  event.run(at(`${OLD_DAY}T10:00:00`), OLD_DAY, 'notice.changed', null, null, '2005', '{"text":"今日办理时间至17:00"}');
  const evaluation = db.prepare(`INSERT INTO evaluations (ticket_id, service_date, number, window_no, staff_no, case_no, status, level, stars, reasons, comment,
    channel, device_id, requested_at, closes_at, rated_at, follow_up_id) VALUES (?, ?, ?, ?, ?, ?, 'rated', ?, ?, ?, ?, 'pad', ?, ?, ?, ?, ?)`);
  evaluation.run('old-a1', OLD_DAY, 'A001', 1, '1001', 'BJ-2026-0001', 'very_satisfied', 5, '[]', null, 'pad-01', at(`${OLD_DAY}T09:17:00`), at(`${OLD_DAY}T09:17:30`), at(`${OLD_DAY}T09:17:10`), null);
  evaluation.run('old-b1', OLD_DAY, 'B001', 3, '1003', null, 'dissatisfied', 2, '["slow"]', '等了很久', 'pad-03', at(`${OLD_DAY}T09:24:00`), at(`${OLD_DAY}T09:24:30`), at(`${OLD_DAY}T09:24:20`), 'fu-old-b1');
  db.prepare(`INSERT INTO follow_ups (id, ticket_id, service_date, number, window_no, staff_no, case_no, level, reasons, comment, opened_at, callback_due, fix_due)
    VALUES ('fu-old-b1', 'old-b1', ?, 'B001', 3, '1003', NULL, 'dissatisfied', '["slow"]', '等了很久', ?, '2026-12-07', '2026-12-25')`).run(OLD_DAY, at(`${OLD_DAY}T09:24:20`));
  db.prepare(`INSERT INTO window_status (window_no, state, pause_reason, staff_no, current_ticket_id, priority_streak, extended_service_date) VALUES (1, 'open', NULL, '1001', NULL, 0, NULL)`).run();
  db.prepare(`INSERT INTO duty_roster (date, shift, role, staff_no) VALUES (?, 'all_day', 'captain', '2005')`).run(OLD_DAY);
  db.prepare(`INSERT INTO duty_roster_days (date) VALUES (?)`).run(OLD_DAY);
  db.prepare(`INSERT INTO hall_notice (id, text, updated_at, updated_by) VALUES (1, '今日办理时间至17:00', ?, '2005')`).run(at(`${OLD_DAY}T10:00:00`));
}

describe.each([7, 12])('a hall database of version %i with a day of tickets', (version) => {
  it('upgrades when today’s server starts on it, and keeps serving', async () => {
    dir = mkdtempSync(join(tmpdir(), `upgrade-v${version}-`));
    const { db, path } = databaseAt(version);
    await writeSetup(db, readHallConfig(demoHall), version);
    writeDay(db);
    db.close();

    // Monday morning, the first start of the new server.
    const now = at('2026-12-07T09:30:00');
    hall = await startTestHall({ clock: { now: () => now }, env: { HALL_DB: path } });
    const base = hall.server.url;
    const upgraded = openDatabase(path);
    const latest = Math.max(...readdirSync(migrations).map((f) => Number(f.slice(0, 3))));
    expect(upgraded.pragma('user_version', { simple: true })).toBe(latest);
    upgraded.close();

    // The old day's tickets, ratings and follow-up are there. Its tickets have no visitor's secret:
    // their QR codes carried ids, which open no phone page any more.
    const captain = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.token;
    expect(ticketRow(path, 'old-a1')).toMatchObject({ number: 'A001', status: 'finished', service_date: OLD_DAY, secret: null });
    expect((await api(base, 'GET', '/api/tickets/old-a1')).body.error.code).toBe('TICKET_NOT_FOUND');
    expect((await api(base, 'GET', '/api/evaluations/old-a1', { token: captain })).body.evaluation).toMatchObject({ level: 'very_satisfied', stars: 5 });
    const report = HallReport.parse((await api(base, 'GET', `/api/reports/hall?from=${OLD_DAY}&to=${OLD_DAY}`, { token: captain })).body);
    expect(report).toMatchObject({ issued: 4, noShows: 1, satisfaction: { served: 2, rated: 2 }, followUps: { opened: 1, open: 1 } });
    const followUps = await api(base, 'GET', '/api/follow-ups', { token: captain });
    expect(followUps.body.followUps.map((f: { number: string }) => f.number)).toEqual(['B001']);

    // The set-up is there: every category with its items, every window.
    const categories = (await api(base, 'GET', '/api/categories')).body.categories;
    expect(categories).toHaveLength(11);
    expect(categories.find((c: { code: string }) => c.code === 'A').items.length).toBeGreaterThan(0);
    expect((await api(base, 'GET', '/api/windows')).body.windows).toHaveLength(23);
    // …and editable: window 5 now serves B only.
    const admin = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '9001', pin: '123456' } })).body.token;
    const window5 = { name: '综合受理五号窗口', department: '县政务服务中心', categories: ['B'], routing: 'fifo' };
    expect((await api(base, 'PUT', '/api/admin/windows/5', { token: admin, body: window5 })).status).toBe(200);
    expect((await api(base, 'GET', '/api/windows')).body.windows.find((w: { no: number }) => w.no === 5)).toMatchObject(window5);

    // A new day: a ticket is issued (numbers start again) and called; Friday's leftover B002 expired.
    const issued = await api(base, 'POST', '/api/tickets', { body: { category: 'A' } });
    expect(issued.status).toBe(201);
    expect(issued.body.ticket).toMatchObject({ number: 'A001', serviceDate: '2026-12-07' });
    expect(TicketProgress.parse((await api(base, 'GET', `/api/tickets/${issued.body.secret}`)).body).ticket.number).toBe('A001');
    expect(ticketRow(path, 'old-b2')).toMatchObject({ status: 'expired' });
    const token = await login(base, '1001', 1);
    const called = await api(base, 'POST', '/api/windows/1/call-next', { token });
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ number: 'A001', status: 'called' });

    // The old day's staff actions are on the audit log.
    const audit = AuditReply.parse((await api(base, 'GET', `/api/admin/audit?from=${OLD_DAY}&to=${OLD_DAY}`, { token: admin })).body);
    expect(audit.entries.map((e) => e.summary)).toEqual([
      '值班长 冯德明 把大厅公告改为“今日办理时间至17:00”',
      '张伟（1003）在 3 号窗口办结 B001',
      '王芳（1001）在 1 号窗口办结 A001',
      '王芳（1001）在 1 号窗口呼叫 A001',
      '王芳（1001）登录 1 号窗口',
    ]);
  });
});
