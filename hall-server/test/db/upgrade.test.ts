import { AuditReply, HallReport, TicketProgress, type HallConfigFile } from '@hall/shared';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { hashPin } from '../../src/services/pin-hash';
import { readHallConfig } from '../../src/services/seed-hall';
import { api, login, startTestHall, type TestHall, deviceToken } from '../support/hall-server';

// A hall's database made by every older version of the server (001 to the one before today's),
// with a day of tickets in it, under today's server: it upgrades on start and keeps serving.
// The old rows are written with plain SQL in the columns each version had, as it stored them.

const migrations = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));
const demoHall = fileURLToPath(new URL('../../config/demo-hall.json', import.meta.url));
const OLD_DAY = '2026-12-04';
const at = (local: string) => Date.parse(`${local}+08:00`);

const latest = Math.max(...readdirSync(migrations).map((f) => Number(f.slice(0, 3))));
const everyEarlierVersion = Array.from({ length: latest - 1 }, (_, i) => i + 1);

let dir: string;
let hall: TestHall | null = null;
let pinHash: string;

beforeAll(async () => {
  pinHash = await hashPin('123456');
});

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

type Row = Record<string, unknown>;

/**
 * The demo hall's set-up and Friday 2026-12-04, described once in every column any version had:
 * A001 served at window 1 and rated 非常满意 on its pad; A002 a no-show; B001 served at window 3,
 * rated 不满意 (follow-up opened); B002 still waiting at closing. Window 1 was left open with 王芳
 * signed in; the day had its own roster and a notice. A001 came from kiosk-01's tap 1: versions
 * before 007 kept that key in idempotency_keys, later ones on the ticket.
 */
function sampleHall(config: HallConfigFile, pinHash: string, version: number): [table: string, rows: Row[]][] {
  const { name, timezone, openingHours, rules, shifts, dutyWeek, evaluationSeconds, calendar } = config.settings;
  // The settings as that version stored them (every field added since has its default today).
  const settings = { name, timezone, openingHours, rules, ...(version >= 3 ? { shifts, dutyWeek } : {}), ...(version >= 5 ? { evaluationSeconds, calendar } : {}) };
  const ticket = (id: string, number: string, seq: number, status: string, issued: string, rest: Row = {}): Row => ({
    id, service_date: OLD_DAY, number, seq, category: number[0], status, priority: null, issued_at: at(`${OLD_DAY}T${issued}`), target_window_no: null, ...rest,
  });
  const event = (time: string, type: string, ticketId: string | null, windowNo: number | null, staffNo: string | null, data: string): Row => ({
    at: at(`${OLD_DAY}T${time}`), service_date: OLD_DAY, type, ticket_id: ticketId, window_no: windowNo, staff_no: staffNo, data,
  });
  const rating = (ticketId: string, number: string, windowNo: number, staffNo: string, level: string, stars: number, finished: string, rest: Row): Row => ({
    ticket_id: ticketId, service_date: OLD_DAY, number, window_no: windowNo, staff_no: staffNo, case_no: null, status: 'rated', level, stars, reasons: '[]', comment: null,
    channel: 'pad', device_id: `pad-0${windowNo}`, requested_at: at(`${OLD_DAY}T${finished}:00`), closes_at: at(`${OLD_DAY}T${finished}:30`), rated_at: at(`${OLD_DAY}T${finished}:10`), follow_up_id: null, ...rest,
  });
  return [
    ['hall_settings', [{ id: 1, settings: JSON.stringify(settings) }]],
    ['categories', config.categories.map((c, position) => ({ code: c.code, position, name: c.name, name_en: c.nameEn ?? null, default_handling_minutes: c.defaultHandlingMinutes }))],
    ['service_items', config.categories.flatMap((c) => c.items.map((item, position) => ({ category: c.code, code: item.code, position, name: item.name })))],
    ['windows', config.windows.map((w) => ({ no: w.no, name: w.name, department: w.department, categories: JSON.stringify(w.categories), routing: w.routing }))],
    ['staff', config.staff.map((s) => ({ staff_no: s.staffNo, name: s.name, roles: JSON.stringify(s.roles), windows: JSON.stringify(s.windows), pin_hash: pinHash }))],
    ['pads', config.pads.map((pad) => ({ device_id: pad.deviceId, window_no: pad.windowNo }))],
    ['kiosks', config.kiosks.map((k, position) => ({ device_id: k.deviceId, position, name: k.name }))],
    ['service_days', [{ service_date: OLD_DAY, opened_at: at(`${OLD_DAY}T08:30:00`) }]],
    ['tickets', [
      ticket('old-a1', 'A001', 1, 'finished', '09:01:00', { window_no: 1, called_at: at(`${OLD_DAY}T09:05:00`), finished_at: at(`${OLD_DAY}T09:17:00`), case_no: 'BJ-2026-0001', request_key: 'kiosk-01-tap-1', request: '{"category":"A","priority":false}' }),
      ticket('old-a2', 'A002', 2, 'no_show', '09:02:00', { window_no: 1, called_at: at(`${OLD_DAY}T09:18:00`) }),
      ticket('old-b1', 'B001', 1, 'finished', '09:03:00', { window_no: 3, called_at: at(`${OLD_DAY}T09:04:00`), finished_at: at(`${OLD_DAY}T09:24:00`) }),
      ticket('old-b2', 'B002', 2, 'waiting', '16:50:00'),
    ]],
    ['idempotency_keys', [{ key: 'kiosk-01-tap-1', request: '{"category":"A","priority":false}', ticket_id: 'old-a1', created_at: at(`${OLD_DAY}T09:01:00`) }]],
    ['events', [
      event('08:30:00', 'day.opened', null, null, null, '{}'),
      event('08:55:00', 'window.signed_in', null, 1, '1001', '{}'),
      event('09:01:00', 'ticket.issued', 'old-a1', null, null, '{}'),
      event('09:05:00', 'ticket.called', 'old-a1', 1, '1001', '{"how":"next"}'),
      event('09:17:00', 'ticket.finished', 'old-a1', 1, '1001', '{"caseNo":"BJ-2026-0001","handlingMs":720000}'),
      event('09:17:00', 'evaluation.requested', 'old-a1', 1, '1001', `{"closesAt":${at(`${OLD_DAY}T09:17:30`)}}`),
      event('09:24:00', 'ticket.finished', 'old-b1', 3, '1003', '{"caseNo":null,"handlingMs":1200000}'),
      event('10:00:00', 'notice.changed', null, null, '2005', '{"text":"今日办理时间至17:00"}'),
    ]],
    ['evaluations', [
      rating('old-a1', 'A001', 1, '1001', 'very_satisfied', 5, '09:17', { case_no: 'BJ-2026-0001' }),
      rating('old-b1', 'B001', 3, '1003', 'dissatisfied', 2, '09:24', { reasons: '["slow"]', comment: '等了很久', follow_up_id: 'fu-old-b1' }),
    ]],
    ['follow_ups', [{
      id: 'fu-old-b1', ticket_id: 'old-b1', service_date: OLD_DAY, number: 'B001', window_no: 3, staff_no: '1003', case_no: null, level: 'dissatisfied', reasons: '["slow"]',
      comment: '等了很久', opened_at: at(`${OLD_DAY}T09:24:20`), callback_due: '2026-12-07', fix_due: '2026-12-25',
    }]],
    ['window_status', [{ window_no: 1, state: 'open', pause_reason: null, staff_no: '1001', current_ticket_id: null, priority_streak: 0, extended_service_date: null }]],
    ['duty_roster', [{ date: OLD_DAY, shift: 'all_day', role: 'captain', staff_no: '2005' }]],
    ['duty_roster_days', [{ date: OLD_DAY }]],
    ['hall_notice', [{ id: 1, text: '今日办理时间至17:00', updated_at: at(`${OLD_DAY}T10:00:00`), updated_by: '2005' }]],
  ];
}

/**
 * Writes the sample as the version the database is at stored it: a table that version did not
 * have is skipped, a row gets the columns the table had then (PRAGMA table_info), and a column
 * it required that the sample leaves out fails the test rather than being guessed.
 */
function writeSample(db: Db, sample: [string, Row[]][]): string[] {
  const written: string[] = [];
  for (const [table, rows] of sample) {
    const columns = db.prepare(`SELECT name, "notnull" AS required, dflt_value AS fallback, pk FROM pragma_table_info(?)`).all(table) as
      { name: string; required: number; fallback: unknown; pk: number }[];
    if (columns.length === 0) continue;
    const names = columns.map((c) => c.name).filter((name) => rows.some((row) => name in row));
    const missing = columns.filter((c) => c.required === 1 && c.fallback === null && !names.includes(c.name)).map((c) => c.name);
    expect(missing, `${table} requires columns the sample does not have`).toEqual([]);
    const insert = db.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    for (const row of rows) insert.run(...names.map((name) => row[name] ?? null));
    written.push(table);
  }
  return written;
}

/** A ticket's row as the upgraded database holds it (read beside the running server). */
function ticketRow(path: string, id: string): unknown {
  const db = openDatabase(path);
  try {
    return db.prepare('SELECT * FROM tickets WHERE id = ?').get(id);
  } finally {
    db.close();
  }
}

describe.each(everyEarlierVersion)('a hall database of version %i with a day of tickets', (version) => {
  it('upgrades when today’s server starts on it, and keeps serving', async () => {
    dir = mkdtempSync(join(tmpdir(), `upgrade-v${version}-`));
    const { db, path } = databaseAt(version);
    const written = writeSample(db, sampleHall(readHallConfig(demoHall), pinHash, version));
    db.close();
    const rated = written.includes('evaluations');
    expect(rated).toBe(version >= 5);

    // Monday morning, the first start of the new server.
    const now = at('2026-12-07T09:30:00');
    hall = await startTestHall({ clock: { now: () => now }, env: { HALL_DB: path } });
    const base = hall.server.url;
    const upgraded = openDatabase(path);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(latest);
    upgraded.close();

    // The old day's tickets (A001 with its kiosk's request key, wherever that version kept it),
    // ratings and follow-up are there. Its tickets have no visitor's secret: their QR codes
    // carried ids, which open no phone page any more.
    const captain = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.token;
    expect(ticketRow(path, 'old-a1')).toMatchObject({ number: 'A001', status: 'finished', service_date: OLD_DAY, secret: null, request_key: 'kiosk-01-tap-1' });
    expect((await api(base, 'GET', '/api/tickets/old-a1')).body.error.code).toBe('TICKET_NOT_FOUND');
    const report = HallReport.parse((await api(base, 'GET', `/api/reports/hall?from=${OLD_DAY}&to=${OLD_DAY}`, { token: captain })).body);
    expect(report).toMatchObject({ issued: 4, noShows: 1 });
    if (rated) {
      expect((await api(base, 'GET', '/api/evaluations/old-a1', { token: captain })).body.evaluation).toMatchObject({ level: 'very_satisfied', stars: 5 });
      expect(report).toMatchObject({ satisfaction: { served: 2, rated: 2 }, followUps: { opened: 1, open: 1 } });
      const followUps = await api(base, 'GET', '/api/follow-ups', { token: captain });
      expect(followUps.body.followUps.map((f: { number: string }) => f.number)).toEqual(['B001']);
    }

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
    const issued = await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } });
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
