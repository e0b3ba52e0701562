import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestHall, type TestHall } from '../support/hall-server';

// Window and office sessions are written by the hall runtime like any command: opened, touched
// while used, ended when idle or at logout. Read back from the database file itself.

describe('sessions written through the runtime', () => {
  let hall: TestHall;
  let base: string;
  let now = Date.parse('2026-03-06T10:00:00+08:00');
  let db: Database.Database;

  const session = (table: 'staff_sessions' | 'office_sessions', staffNo: string) =>
    db.prepare(`SELECT last_seen_at AS lastSeenAt, ended_at AS endedAt, end_reason AS endReason FROM ${table} WHERE staff_no = ? ORDER BY created_at DESC`).get(staffNo) as
      | { lastSeenAt: number; endedAt: number | null; endReason: string | null }
      | undefined;

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now }, env: { HALL_SESSION_IDLE_HOURS: '1' } });
    base = hall.server.url;
    db = new Database(hall.dbPath, { readonly: true });
  });
  afterAll(async () => {
    db.close();
    await hall.stop();
  });

  it('touches a window session used after a while and ends it once idle', async () => {
    const token = await login(base, '1001', 1);
    const signedInAt = now;
    expect(session('staff_sessions', '1001')).toEqual({ lastSeenAt: signedInAt, endedAt: null, endReason: null });

    now += 5 * 60_000;
    expect((await api(base, 'GET', '/api/auth/session', { token })).status).toBe(200);
    expect(session('staff_sessions', '1001')).toEqual({ lastSeenAt: now, endedAt: null, endReason: null });

    now += 2 * 3_600_000;
    const idle = await api(base, 'GET', '/api/auth/session', { token });
    expect(idle.status).toBe(401);
    expect(session('staff_sessions', '1001')).toEqual({ lastSeenAt: signedInAt + 5 * 60_000, endedAt: now, endReason: 'idle' });
  });

  it('opens an office session, touches it and ends it at logout', async () => {
    const signedIn = await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } });
    expect(signedIn.status).toBe(200);
    const token = signedIn.body.token as string;
    expect(session('office_sessions', '2001')).toEqual({ lastSeenAt: now, endedAt: null, endReason: null });

    now += 5 * 60_000;
    expect((await api(base, 'GET', '/api/office/session', { token })).status).toBe(200);
    expect(session('office_sessions', '2001')?.lastSeenAt).toBe(now);

    expect((await api(base, 'POST', '/api/office/logout', { token })).status).toBe(204);
    expect(session('office_sessions', '2001')).toEqual({ lastSeenAt: now, endedAt: now, endReason: 'logout' });
    expect((await api(base, 'GET', '/api/office/session', { token })).status).toBe(401);
  });
});
