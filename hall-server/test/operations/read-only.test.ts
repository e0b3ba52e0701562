import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, deviceToken, login, startTestHall, type TestHall } from '../support/hall-server';
import { halfWritten } from '../support/hall-consistency';

// The database gone read-only under a running hall (issue 17). A mounted file system cannot be
// remounted read-only while the server has its files open for writing (the kernel answers
// EBUSY), so the hall's own connection is made read-only at the SQLite level: with PRAGMA
// query_only SQLite refuses every write with SQLITE_READONLY, the answer it gives when the file
// went read-only under it. (A start on a read-only disk is tested for real in start-refusals.)

describe('a database gone read-only', () => {
  let hall: TestHall;
  let base: string;
  let now = Date.parse('2026-03-06T10:00:00+08:00');
  const logLines: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.startsWith('{')) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now }, logger: pino({ level: 'info' }, logStream) });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  const issue = () => api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } });
  const waitingA = async () => (await api(base, 'GET', '/api/categories')).body.categories.find((c: { code: string }) => c.code === 'A').waiting as number;

  it('answers writes DATABASE_READ_ONLY, logs it once, tells screens and health, keeps reads, and resumes by itself', async () => {
    const window1 = await login(base, '1001', 1);
    expect((await issue()).body.ticket.number).toBe('A001');
    const screen = connect(base, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    await screen.waitFor('hall:snapshot');

    hall.server.db.pragma('query_only = 1');
    const refused = await issue();
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: 'DATABASE_READ_ONLY', message: '服务器数据库只读，无法写入，刚才的操作没有保存，请联系工作人员', details: { problem: 'read_only' } });
    const call = await api(base, 'POST', '/api/windows/1/call-next', { token: window1 });
    expect(call.body.error.code).toBe('DATABASE_READ_ONLY');
    expect(await screen.waitFor('storage:changed')).toEqual({ writable: false, problem: 'read_only', since: new Date(now).toISOString() });
    expect((await api(base, 'GET', '/api/health')).body.storage).toMatchObject({ writable: false, problem: 'read_only' });
    // The refused commands left the hall as it was, in memory and on disk.
    expect(await waitingA()).toBe(1);
    expect(halfWritten(hall.dbPath)).toEqual([]);
    // A read whose session is due a touch (a write on the side) is still answered.
    now += 5 * 60_000;
    const summary = await api(base, 'GET', '/api/windows/1', { token: window1 });
    expect(summary.status).toBe(200);

    hall.server.db.pragma('query_only = 0');
    expect(await screen.waitFor('storage:changed', (s) => s.writable === true, 10_000)).toEqual({ writable: true, problem: null, since: null });
    expect((await issue()).body.ticket.number).toBe('A002');
    expect((await api(base, 'POST', '/api/windows/1/call-next', { token: window1 })).body.ticket.number).toBe('A001');
    const storageLines = logLines.filter((line) => line.code === 'DATABASE_READ_ONLY' || line.code === 'STORAGE_WRITABLE');
    expect(storageLines.map((line) => [line.level, line.code])).toEqual([
      [50, 'DATABASE_READ_ONLY'],
      [30, 'STORAGE_WRITABLE'],
    ]);
    // No other error line: the refused requests did not log one each.
    expect(logLines.filter((line) => (line.level as number) >= 50).map((line) => line.code)).toEqual(['DATABASE_READ_ONLY']);
    screen.socket.close();
  });
});
