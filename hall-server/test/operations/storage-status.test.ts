import { describe, expect, it } from 'vitest';
import { storageProblemOf, StorageWatch } from '../../src/operations/storage-status';

// What a failed write's error says of the disk (better-sqlite3's SqliteError carries SQLite's
// extended result code as `.code`), and that the hall hears of a problem only on its edges.

const sqliteError = (code: string, message = 'disk I/O error') => Object.assign(new Error(message), { code });

describe('storageProblemOf', () => {
  it('tells a full disk, a read-only one and a failing one apart, and leaves other errors alone', () => {
    expect(storageProblemOf(sqliteError('SQLITE_FULL', 'database or disk is full'))).toBe('full');
    expect(storageProblemOf(sqliteError('SQLITE_READONLY'))).toBe('read_only');
    expect(storageProblemOf(sqliteError('SQLITE_READONLY_DBMOVED'))).toBe('read_only');
    expect(storageProblemOf(sqliteError('SQLITE_CANTOPEN'))).toBe('read_only');
    // An I/O error whose cause the system named as a read-only file system.
    expect(storageProblemOf(sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error: Read-only file system'))).toBe('read_only');
    expect(storageProblemOf(Object.assign(sqliteError('SQLITE_IOERR_FSYNC'), { cause: { code: 'EROFS' } }))).toBe('read_only');
    expect(storageProblemOf(sqliteError('SQLITE_IOERR_WRITE'))).toBe('failed');
    expect(storageProblemOf(sqliteError('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed'))).toBeNull();
    expect(storageProblemOf(new Error('no code'))).toBeNull();
  });
});

describe('StorageWatch', () => {
  it('tells its listeners when the disk stops and starts taking writes, not at every failure', () => {
    let now = Date.parse('2026-12-08T02:00:00Z');
    const watch = new StorageWatch(() => now);
    const told: unknown[] = [];
    watch.onChange((status) => told.push(status));
    watch.succeeded();
    expect(watch.failed(sqliteError('SQLITE_CONSTRAINT'))).toBeNull();
    expect(told).toEqual([]);

    expect(watch.failed(sqliteError('SQLITE_FULL'))).toBe('full');
    now += 5_000;
    watch.failed(sqliteError('SQLITE_FULL'));
    expect(told).toEqual([{ writable: false, problem: 'full', since: '2026-12-08T02:00:00.000Z' }]);
    // Another problem is news; it began when the disk stopped taking writes.
    watch.failed(sqliteError('SQLITE_READONLY'));
    expect(told.at(-1)).toEqual({ writable: false, problem: 'read_only', since: '2026-12-08T02:00:00.000Z' });
    watch.succeeded();
    watch.succeeded();
    expect(told).toHaveLength(3);
    expect(watch.status()).toEqual({ writable: true, problem: null, since: null });
  });
});
