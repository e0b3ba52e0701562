import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommitGroup, type CommitTiming } from '../../src/db/commit-group';
import { openDatabase, type Db } from '../../src/db/connection';
import { walSyncOf, type WalSync } from '../../src/db/wal-sync';

// Group commit on a real database file, looked at from a second connection, which sees only
// what has been committed.

let dir: string;
let db: Db;
let reader: Database.Database;
let hooks: { opened: number; failed: unknown[]; unsynced: unknown[]; checkpointFailed: unknown[]; publishFailed: unknown[] };
let group: CommitGroup;

const rows = () => (reader.prepare('SELECT name FROM visits ORDER BY name').all() as { name: string }[]).map((r) => r.name);
const insert = (name: string) => db.prepare('INSERT INTO visits (name) VALUES (?)').run(name);
const turnEnds = () => new Promise((resolve) => setImmediate(resolve));
const hooksFor = (seen: typeof hooks) => ({
  opened: () => seen.opened++,
  failed: (error: unknown) => seen.failed.push(error),
  unsynced: (error: unknown) => seen.unsynced.push(error),
  checkpointFailed: (error: unknown) => seen.checkpointFailed.push(error),
  publishFailed: (error: unknown) => seen.publishFailed.push(error),
});
const newHooks = () => ({ opened: 0, failed: [] as unknown[], unsynced: [] as unknown[], checkpointFailed: [] as unknown[], publishFailed: [] as unknown[] });
/** Commits as soon as the disk is free, never checkpoints: each test sets what it looks at. */
const timing = (set: Partial<CommitTiming> = {}): CommitTiming => ({ gapMs: 0, checkpointEveryMs: Infinity, now: () => 0, ...set });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commit-group-'));
  db = openDatabase(join(dir, 'hall.db'));
  // A key checked only at commit time: the way to make a commit fail on purpose.
  db.exec(`CREATE TABLE windows (no INTEGER PRIMARY KEY);
           CREATE TABLE visits (name TEXT PRIMARY KEY, window_no INTEGER REFERENCES windows(no) DEFERRABLE INITIALLY DEFERRED)`);
  reader = new Database(join(dir, 'hall.db'), { readonly: true });
  hooks = newHooks();
  group = new CommitGroup(db, hooksFor(hooks), walSyncOf(db));
});

afterEach(async () => {
  await group.close();
  reader.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CommitGroup', () => {
  it('commits the writes of one turn of the event loop together, as the turn ends', async () => {
    group.write(() => insert('A001'));
    group.write(() => insert('A002'));
    expect(hooks.opened).toBe(1);
    expect(rows()).toEqual([]);
    await group.durable();
    expect(rows()).toEqual(['A001', 'A002']);
    expect(db.inTransaction).toBe(false);
  });

  it('tells others of a write only once it is on disk, in the order written', async () => {
    const told: string[] = [];
    group.write(() => insert('A001'));
    group.afterDurable(() => told.push(`A001 seen: ${rows().includes('A001')}`));
    group.write(() => insert('A002'));
    group.afterDurable(() => told.push('A002'));
    expect(told).toEqual([]);
    await group.durable();
    expect(told).toEqual(['A001 seen: true', 'A002']);
    // With nothing waiting for the disk, at once.
    group.afterDurable(() => told.push('now'));
    expect(told).toEqual(['A001 seen: true', 'A002', 'now']);
  });

  it('reports a listener that throws, from the disk’s callback or at once, and still tells the ones after it', async () => {
    const told: string[] = [];
    group.write(() => insert('A001'));
    group.afterDurable(() => {
      throw new Error('window 100 is not in the hall');
    });
    group.afterDurable(() => told.push('A001'));
    await group.durable();
    expect(told).toEqual(['A001']);
    expect(hooks.publishFailed).toEqual([new Error('window 100 is not in the hall')]);
    // With nothing waiting for the disk, at once: the caller is not thrown at either.
    group.afterDurable(() => {
      throw new Error('again');
    });
    expect(hooks.publishFailed).toHaveLength(2);
  });

  it('undoes only the write that threw; the rest of the group is committed', async () => {
    group.write(() => insert('A001'));
    expect(() =>
      group.write(() => {
        insert('A002');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    group.write(() => insert('A003'));
    await group.durable();
    expect(rows()).toEqual(['A001', 'A003']);
  });

  it('rolls back a group that cannot be committed, says so, and goes on with the next group', async () => {
    const told: string[] = [];
    group.write(() => insert('A001'));
    group.write(() => db.prepare('INSERT INTO visits (name, window_no) VALUES (?, ?)').run('A002', 99));
    group.afterDurable(() => told.push('published'));
    await expect(group.durable()).rejects.toThrow(/FOREIGN KEY/);
    expect(hooks.failed).toHaveLength(1);
    expect(told).toEqual([]);
    expect(rows()).toEqual([]);
    expect(db.inTransaction).toBe(false);

    group.write(() => insert('A001'));
    await group.durable();
    expect(rows()).toEqual(['A001']);
    expect(hooks.opened).toBe(2);
  });

  it('loses the whole group when SQLite rolls its transaction back (as it may on a full disk), and goes on with a new one', async () => {
    // RAISE(ROLLBACK) ends the whole transaction from inside a statement, as SQLite may on SQLITE_FULL or an I/O error.
    db.exec(`CREATE TRIGGER refuse_full BEFORE INSERT ON visits WHEN NEW.name = 'FULL' BEGIN SELECT RAISE(ROLLBACK, 'database or disk is full'); END`);
    const told: string[] = [];
    group.write(() => insert('A001'));
    const lost = group.durable();
    group.afterDurable(() => told.push('published'));
    expect(() => group.write(() => insert('FULL'))).toThrow('database or disk is full');
    await expect(lost).rejects.toThrow('database or disk is full');
    expect(hooks.failed).toHaveLength(1);
    expect(told).toEqual([]);
    // The next write, in the same turn, opens a group of its own and is committed.
    group.write(() => insert('A002'));
    await group.durable();
    expect(rows()).toEqual(['A002']);
    expect(hooks.opened).toBe(2);
  });

  it('joins a transaction the caller opened itself, which the caller commits', () => {
    const told: string[] = [];
    db.transaction(() => {
      group.write(() => insert('A001'));
      group.afterDurable(() => told.push('at once'));
    })();
    expect(hooks.opened).toBe(0);
    expect(told).toEqual(['at once']);
    expect(rows()).toEqual(['A001']);
  });

  it('commits at once when flushed, before the database closes', () => {
    group.write(() => insert('A001'));
    group.flush();
    expect(rows()).toEqual(['A001']);
  });

  it('acknowledges a committed group only once the disk has it; what comes meanwhile waits in one group', async () => {
    const waits: ((error: Error | null) => void)[] = [];
    const sync: WalSync = { sync: (done) => waits.push(done), close: () => undefined };
    const seen = newHooks();
    const manual = new CommitGroup(db, hooksFor(seen), sync, timing());
    const told: string[] = [];
    let acknowledged = 0;

    manual.write(() => insert('A001'));
    manual.afterDurable(() => told.push('A001'));
    void manual.durable().then(() => acknowledged++);
    await turnEnds();
    // Committed (another connection sees it) but not yet known to be on disk: nobody is told.
    expect(rows()).toEqual(['A001']);
    expect(waits).toHaveLength(1);
    expect(told).toEqual([]);

    // While the disk is busy with it, the writes of later turns gather in one open group.
    manual.write(() => insert('A002'));
    await turnEnds();
    manual.write(() => insert('A003'));
    manual.afterDurable(() => told.push('A003'));
    const last = manual.durable();
    await turnEnds();
    expect(waits).toHaveLength(1);
    expect(rows()).toEqual(['A001']);
    expect(seen.opened).toBe(2);

    // The disk is free: the gathered group is committed and waits for it in turn.
    waits[0]!(null);
    await Promise.resolve();
    expect(told).toEqual(['A001']);
    expect(acknowledged).toBe(1);
    expect(rows()).toEqual(['A001', 'A002', 'A003']);
    expect(waits).toHaveLength(2);
    waits[1]!(null);
    await last;
    expect(told).toEqual(['A001', 'A003']);
    expect(seen.unsynced).toEqual([]);
  });

  it('in a busy hall, commits no sooner than the gap after the commit before; in a quiet one, as the turn ends', async () => {
    let clock = 1_000;
    const seen = newHooks();
    const spaced = new CommitGroup(db, hooksFor(seen), walSyncOf(db), timing({ gapMs: 50, now: () => clock }));

    // A group of one write: the hall is quiet, and 10 ms later the next write goes at once.
    spaced.write(() => insert('A001'));
    await spaced.durable();
    clock = 1_010;
    spaced.write(() => insert('A002'));
    await turnEnds();
    expect(rows()).toEqual(['A001', 'A002']);
    await spaced.durable();

    // A group of two writes: the hall is busy, the next group waits for the gap, and what comes
    // meanwhile joins it.
    spaced.write(() => insert('A003'));
    spaced.write(() => insert('A004'));
    await spaced.durable();
    clock = 1_020;
    spaced.write(() => insert('A005'));
    await turnEnds();
    spaced.write(() => insert('A006'));
    await turnEnds();
    expect(rows()).toHaveLength(4);
    clock = 1_060;
    await spaced.durable();
    expect(rows()).toEqual(['A001', 'A002', 'A003', 'A004', 'A005', 'A006']);
    expect(seen.opened).toBe(4);

    // A flush does not wait for the gap (the database is about to close).
    clock = 1_070;
    spaced.write(() => insert('A007'));
    spaced.flush();
    expect(rows()).toHaveLength(7);
    await spaced.close();
  });

  it('moves the log into the database file after a commit, at most once a second, and then starts the log afresh', async () => {
    /** What the database file holds without its log: a copy of the file alone. */
    const inFileAlone = () => {
      const copy = join(dir, `copy-${Math.random()}.db`);
      copyFileSync(join(dir, 'hall.db'), copy);
      const file = new Database(copy, { readonly: true });
      try {
        if (file.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'visits'`).get() === undefined) return [];
        return (file.prepare('SELECT name FROM visits ORDER BY name').all() as { name: string }[]).map((r) => r.name);
      } finally {
        file.close();
      }
    };
    let clock = 0;
    const seen = newHooks();
    const checkpointing = new CommitGroup(db, hooksFor(seen), walSyncOf(db), timing({ checkpointEveryMs: 1_000, now: () => clock }));
    const visit = async (name: string) => {
      checkpointing.write(() => insert(name));
      await checkpointing.durable();
      await turnEnds();
    };

    // A quiet hall: the checkpoint comes after the write is acknowledged, not before.
    checkpointing.write(() => insert('A001'));
    await checkpointing.durable();
    expect(inFileAlone()).toEqual([]);
    await turnEnds();
    expect(inFileAlone()).toEqual(['A001']);
    clock = 500;
    await visit('A002');
    expect(inFileAlone()).toEqual(['A001']);
    clock = 1_000;
    await visit('A003');
    expect(inFileAlone()).toEqual(['A001', 'A002', 'A003']);

    // 300 groups, ten to a second: the log never holds more than a second of them.
    const logPages = () => (statSync(join(dir, 'hall.db-wal')).size - 32) / (4096 + 24);
    for (let i = 4; i < 304; i++) {
      clock += 100;
      await visit(`A${i}`);
    }
    expect(rows()).toHaveLength(303);
    expect(logPages()).toBeLessThan(60);

    // A busy hall (a group of two writes): right after the commit, before the disk has it.
    clock += 1_000;
    checkpointing.write(() => insert('B001'));
    checkpointing.write(() => insert('B002'));
    await checkpointing.durable();
    expect(inFileAlone()).toHaveLength(305);
    expect(seen.checkpointFailed).toEqual([]);
    await checkpointing.close();
  });

  it('says so when the disk fails to take committed writes, and acknowledges none of them', async () => {
    const seen = newHooks();
    const failing = new CommitGroup(db, hooksFor(seen), { sync: (done) => setImmediate(() => done(new Error('EIO: i/o error, fdatasync'))), close: () => undefined });
    const told: string[] = [];
    failing.write(() => insert('A001'));
    failing.afterDurable(() => told.push('A001'));
    await expect(failing.durable()).rejects.toThrow('EIO');
    expect(seen.unsynced).toHaveLength(1);
    expect(told).toEqual([]);
  });
});

describe('walSyncOf', () => {
  /** This process's open files that are the log of `path`. */
  const openLogs = (path: string) => readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === `${path}-wal`;
    } catch {
      return false;
    }
  }).length;
  const synced = (sync: WalSync) => new Promise<void>((resolve, reject) => sync.sync((error) => (error ? reject(error) : resolve())));

  it('takes the wait for the disk out of the commit, for a database with a log file', async () => {
    const path = join(dir, 'other.db');
    const other = openDatabase(path);
    expect(other.pragma('synchronous', { simple: true })).toBe(2);
    const sync = walSyncOf(other)!;
    expect(other.pragma('synchronous', { simple: true })).toBe(1);
    other.exec('CREATE TABLE visits (name TEXT)');
    const sqliteOwn = openLogs(path);
    await synced(sync);
    // The log stays open from one sync to the next, through checkpoints that start it afresh.
    expect(openLogs(path)).toBe(sqliteOwn + 1);
    other.pragma('wal_checkpoint(TRUNCATE)');
    other.exec(`INSERT INTO visits VALUES ('A001')`);
    await synced(sync);
    expect(openLogs(path)).toBe(sqliteOwn + 1);
    sync.close();
    expect(openLogs(path)).toBe(sqliteOwn);
    other.close();
  });

  it('has nothing to wait for in memory', () => {
    const memory = openDatabase(':memory:');
    expect(walSyncOf(memory)).toBeNull();
    memory.close();
  });
});
