import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login } from '../support/hall-server';
import { halfWritten } from '../support/hall-consistency';
import { spawnHallServer, type SpawnedServer } from '../support/spawned-server';

// A full disk, for real (issue 17): the built server on a small tmpfs of its own, filled with a
// file until the file system refuses even one more block. SQLite first writes into the room its
// log already holds (those tickets are on disk and acknowledged rightly); the first commit that
// needs a new block fails, and from then on the hall knows its disk is full until the file is
// deleted, when its probe finds out by itself.

const mountPoint = mkdtempSync(join(tmpdir(), 'hall-disk-full-'));
const dbPath = join(mountPoint, 'hall.db');
const filler = join(mountPoint, 'filler');
let mounted = false;
let server: SpawnedServer | null = null;

/** A demo device's credential, as the demo hall enrolled it. */
function demoToken(deviceId: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare(`SELECT demo_token AS token FROM device_credentials WHERE device_id = ? AND revoked_at IS NULL`).get(deviceId) as { token: string }).token;
  } finally {
    db.close();
  }
}

/** Writes the filler until the file system takes no more, to the last block. */
function fillTheDisk(): void {
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1024 * 1024, 4096, 512]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe('a full disk', () => {
  beforeAll(() => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint]);
    mounted = true;
  });
  afterAll(async () => {
    await server?.kill();
    if (mounted) execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('answers writes NOT_SAVED, keeps reading, says so to screens and health, writes nothing by halves, and resumes by itself', async () => {
    server = await spawnHallServer({ env: { HALL_DB: dbPath } });
    const { base } = server;
    const kiosk = demoToken('kiosk-01');
    // The demo hall's two kiosks in turn: each has a burst of 20 tickets in the hall's rate limit.
    const kiosks = [kiosk, demoToken('kiosk-02')];
    let taps = 0;
    const issue = () => api(base, 'POST', '/api/tickets', { token: kiosks[taps++ % 2], body: { category: 'A' } });
    const screen = connect(base, { client: 'hall-screen', token: demoToken('hall-screen-1') });
    const window1 = await login(base, '1001', 1);
    const acknowledged: string[] = [];
    for (let i = 0; i < 3; i++) acknowledged.push((await issue()).body.ticket.number);
    expect((await api(base, 'POST', '/api/windows/1/call-next', { token: window1 })).status).toBe(200);
    const snapshot = await screen.waitFor('hall:snapshot');
    expect(snapshot.storage).toEqual({ writable: true, problem: null, since: null });

    fillTheDisk();
    // Until its log needs a new block, SQLite still writes (and those tickets are on disk).
    let refused = null;
    for (let i = 0; i < 30 && refused === null; i++) {
      const reply = await issue();
      if (reply.status === 201) acknowledged.push(reply.body.ticket.number);
      else refused = reply;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.body.error).toMatchObject({ code: 'NOT_SAVED', message: '服务器磁盘已满，刚才的操作没有保存，请联系工作人员', details: { problem: 'full' } });
    const told = await screen.waitFor('storage:changed');
    expect(told).toMatchObject({ writable: false, problem: 'full' });

    // Every write is refused, window actions too; English callers hear it in English.
    const again = await issue();
    expect(again.body.error.code).toBe('NOT_SAVED');
    const finish = await api(base, 'POST', '/api/windows/1/finish', { token: window1, headers: { 'accept-language': 'en' } });
    expect(finish.status).toBe(503);
    expect(finish.body.error).toMatchObject({ code: 'NOT_SAVED', message: expect.stringContaining('disk is full') });
    // Reads go on: the health check says what is wrong, the window's queue and the pages still answer.
    const health = await api(base, 'GET', '/api/health');
    expect(health.body.storage).toMatchObject({ writable: false, problem: 'full', since: told.since });
    expect((await api(base, 'GET', '/api/windows/1', { token: window1 })).status).toBe(200);
    expect((await api(base, 'GET', '/api/categories')).status).toBe(200);
    expect((await fetch(`${base}/kiosk`)).status).toBe(200);
    // A screen connecting now learns it from its snapshot.
    const late = connect(base, { client: 'kiosk', token: kiosk });
    expect((await late.waitFor('hall:snapshot')).storage).toMatchObject({ writable: false, problem: 'full' });
    // Nothing half written: every ticket with its event, numbers without a gap, the window's call whole.
    expect(halfWritten(dbPath)).toEqual([]);

    // Space returns: the hall finds out by itself and tells the screens.
    rmSync(filler);
    expect(await screen.waitFor('storage:changed', (s) => s.writable === true, 10_000)).toEqual({ writable: true, problem: null, since: null });
    expect((await api(base, 'GET', '/api/health')).body.storage.writable).toBe(true);
    const next = await issue();
    expect(next.status).toBe(201);
    const last = acknowledged.at(-1)!;
    expect(next.body.ticket.number).toBe(`A${String(Number(last.slice(1)) + 1).padStart(3, '0')}`);
    expect((await api(base, 'POST', '/api/windows/1/finish', { token: window1 })).status).toBe(200);

    // Every ticket acknowledged is there, once; the log said it once when it began and once when it ended.
    const stored = new Database(dbPath, { readonly: true });
    const numbers = (stored.prepare(`SELECT number FROM tickets ORDER BY seq`).all() as { number: string }[]).map((r) => r.number);
    stored.close();
    expect(numbers).toEqual([...acknowledged, next.body.ticket.number]);
    expect(halfWritten(dbPath)).toEqual([]);
    const codes = server.logLines().flatMap((line) => (typeof line.code === 'string' && line.code.startsWith('STORAGE_') ? [line.code] : []));
    expect(codes).toEqual(['STORAGE_FULL', 'STORAGE_WRITABLE']);
    expect(server.logLines().filter((line) => line.msg === 'request not saved')).toEqual([]);
    screen.socket.close();
    late.socket.close();
  }, 60_000);
});
