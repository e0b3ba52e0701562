import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, startTestHall, type TestHall, deviceToken } from '../support/hall-server';

// Requests that arrive together are committed together (db/commit-group.ts). Nothing is
// answered or shown on a screen before it is on disk, and a group the disk refuses leaves no
// trace: not in the database, not in the hall's memory, not on the screens.

describe('group commit', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.stop());

  it('answers tickets that arrive together with distinct numbers, all of them stored', async () => {
    const replies = await Promise.all(Array.from({ length: 40 }, () => api(hall.server.url, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'B' } })));
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
    const numbers = replies.map((r) => r.body.ticket.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => `B${String(i + 1).padStart(3, '0')}`));
    const reader = new Database(hall.dbPath, { readonly: true });
    const stored = reader.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE category = 'B'`).get() as { n: number };
    reader.close();
    expect(stored.n).toBe(40);
  });

  it('answers NOT_SAVED when the disk refuses, and forgets the ticket everywhere', async () => {
    const screen = connect(hall.server.url, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    await screen.waitFor('hall:snapshot');
    // A write the database accepts and then refuses to commit: a key checked at commit time.
    const other = new Database(hall.dbPath);
    other.exec(`CREATE TABLE nowhere (id INTEGER PRIMARY KEY);
                CREATE TABLE refuse (x INTEGER REFERENCES nowhere(id) DEFERRABLE INITIALLY DEFERRED);
                CREATE TRIGGER refuse_d AFTER INSERT ON tickets WHEN NEW.category = 'D' BEGIN INSERT INTO refuse VALUES (1); END`);
    const key = { 'idempotency-key': 'kiosk-3-tap-1' };

    const refused = await api(hall.server.url, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'D' }, headers: key });
    expect(refused.status).toBe(503);
    expect(refused.body.error).toEqual({ code: 'NOT_SAVED', message: '刚才的操作没有保存成功，请再试一次' });
    expect((other.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE category = 'D'`).get() as { n: number }).n).toBe(0);

    other.exec('DROP TRIGGER refuse_d; DROP TABLE refuse; DROP TABLE nowhere');
    other.close();
    // The kiosk tries again with the same key: the ticket it now gets is the first D.
    const retried = await api(hall.server.url, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'D' }, headers: key });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.body).toMatchObject({ ticket: { number: 'D001' }, ahead: 0 });
    // The screen heard of the D ticket once: the one on disk.
    const change = await screen.waitFor('queue:changed', (p) => p.categories.some((c: { code: string; waiting: number }) => c.code === 'D' && c.waiting > 0));
    expect(change.categories.find((c: { code: string }) => c.code === 'D').waiting).toBe(1);
    expect(screen.received.filter((r) => r.event === 'queue:changed')).toHaveLength(1);
    screen.socket.close();
  });
});
