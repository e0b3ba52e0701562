import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServerEnv } from '../../src/config';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { createHall } from '../../src/runtime/hall';
import { HallRuntime } from '../../src/runtime/hall-runtime';
import { WriteOutsideRuntimeError } from '../../src/runtime/write-guard';
import { readHallConfig, seedHall } from '../../src/services/seed-hall';

// The runtime is the hall database's only writer: its stores refuse a write made anywhere else.

let dir: string;
let db: Db;
let rt: HallRuntime;

const officeSessions = () => (db.prepare(`SELECT staff_no AS staffNo, ended_at AS endedAt FROM office_sessions`).all() as { staffNo: string; endedAt: number | null }[]);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'write-guard-'));
  db = openDatabase(join(dir, 'hall.db'));
  migrate(db);
  await seedHall(db, readHallConfig(ServerEnv.parse({}).HALL_CONFIG));
  rt = new HallRuntime(db);
});

afterEach(async () => {
  await rt.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the write guard', () => {
  it('refuses a store write outside the runtime, loudly and before it reaches the database', () => {
    expect(() => rt.stores.officeSessions.open('token-hash', '1001', rt.now())).toThrow(WriteOutsideRuntimeError);
    expect(() => rt.stores.duty.saveNotice('今日系统维护', rt.now(), '1001')).toThrow(/a write outside the hall runtime: INSERT INTO hall_notice/);
    expect(() => rt.stores.sessions.touch('token-hash', rt.now())).toThrow(WriteOutsideRuntimeError);
    expect(officeSessions()).toEqual([]);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM hall_notice`).get()).toEqual({ n: 0 });
  });

  it('lets the same write through inside the runtime, in its commit group', async () => {
    rt.write((at) => rt.stores.officeSessions.open('token-hash', '1001', at));
    await rt.durable();
    expect(officeSessions()).toEqual([{ staffNo: '1001', endedAt: null }]);
    // Once the write is over, the guard is back.
    expect(() => rt.stores.officeSessions.end('token-hash', rt.now(), 'logout')).toThrow(WriteOutsideRuntimeError);
  });

  it('leaves reading free', () => {
    expect(rt.stores.sessions.pinHash('1001')).toMatch(/.+/);
    expect(rt.stores.officeSessions.find('no-such-token')).toBeNull();
  });

  it('lets a command write its outcome and the rows beside it', async () => {
    const hall = createHall(rt);
    hall.changeNotice('今日下午系统维护', '2001');
    await rt.durable();
    expect(db.prepare(`SELECT text, updated_by AS updatedBy FROM hall_notice`).get()).toEqual({ text: '今日下午系统维护', updatedBy: '2001' });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'notice.changed'`).get()).toEqual({ n: 1 });
  });
});
