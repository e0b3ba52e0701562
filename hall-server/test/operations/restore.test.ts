import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFile } from '../../src/server-files';
import { pidFileOf } from '../../src/operations/server-pid';
import { api, login, officeLogin } from '../support/hall-server';
import { spawnHallServer, type SpawnedServer } from '../support/spawned-server';

// A busy hall backed up and restored as its IT person would: the built server (a year of service
// days in its database) issuing at two kiosks and calling at two windows while an administrator
// backs it up, `npm run backup` beside it, then `npm run restore` (node dist/restore.js) refusing
// under the running server, working after a kill -9, refusing a damaged copy and a file that is
// no database, and putting back exactly what the backup holds, every row of every table.

const dir = mkdtempSync(join(tmpdir(), 'hall-restore-'));
const dbPath = join(dir, 'hall.db');
const backupDir = join(dir, 'backups');
const env = { HALL_DB: dbPath };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one of the server's commands (dist/<name>.js) as `npm run` would, from the top of the installation: its exit code and what it printed. */
function command(name: 'backup' | 'restore', args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [serverFile('dist', `${name}.js`), ...args], { cwd: serverFile('..'), env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr }),
    );
  });
}

/** Every row of every table (its count and a digest of all its rows, sorted by SQLite), the schema and its version. */
function everything(path: string): Record<string, unknown> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const rows = Object.fromEntries(
      tables.map((table) => {
        const columns = db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(table) as number;
        const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
        const digest = createHash('sha256');
        let count = 0;
        for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().iterate()) {
          digest.update(JSON.stringify(row));
          count++;
        }
        return [table, { count, digest: digest.digest('hex') }];
      }),
    );
    return { version: db.pragma('user_version', { simple: true }), schema: db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(), rows };
  } finally {
    db.close();
  }
}

/** A year of the hall: 250 past service days of finished tickets. */
function fillYear(): void {
  const db = new Database(dbPath);
  const day = db.prepare('INSERT INTO service_days (service_date, opened_at) VALUES (?, ?)');
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_date, number, seq, category, status, issued_at, window_no, called_at, finished_at, secret)
     VALUES (?, ?, ?, ?, 'A', 'finished', ?, 1, ?, ?, ?)`,
  );
  db.transaction(() => {
    const first = Date.parse('2025-11-03T01:00:00Z');
    for (let d = 0; d < 250; d++) {
      const at = first + d * 86_400_000;
      const date = new Date(at).toISOString().slice(0, 10);
      day.run(date, at);
      for (let seq = 1; seq <= 40; seq++) ticket.run(`y-${d}-${seq}`, date, `A${String(seq).padStart(3, '0')}`, seq, at + seq, at + seq + 60_000, at + seq + 300_000, randomBytes(16).toString('base64url'));
    }
  })();
  db.close();
}

function kioskToken(deviceId: string): string {
  const db = new Database(dbPath, { readonly: true });
  const row = db.prepare('SELECT demo_token AS token FROM device_credentials WHERE device_id = ? AND revoked_at IS NULL').get(deviceId) as { token: string };
  db.close();
  return row.token;
}

describe('backing up a busy hall and restoring it', () => {
  let server: SpawnedServer;
  let backupFile: string;

  beforeAll(async () => {
    // The demo hall set up once, then a year's days put in while it is stopped.
    const first = await spawnHallServer({ env });
    await first.stop();
    fillYear();
    server = await spawnHallServer({ env });
  }, 60_000);
  afterAll(async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) await server.kill();
  });

  it('backs up while kiosks issue and windows call: the copy holds every ticket acknowledged before it began', async () => {
    const { base } = server;
    const admin = await officeLogin(base, '9001');
    const windows = [await login(base, '1001', 1), await login(base, '1002', 2)];
    const kiosks = [kioskToken('kiosk-01'), kioskToken('kiosk-02')];
    const issued: { number: string; at: 'before' | 'during' }[] = [];
    let phase: 'before' | 'during' | 'after' = 'before';
    const kiosk = async (token: string, category: string) => {
      while (phase !== 'after') {
        const reply = await api(base, 'POST', '/api/tickets', { token, body: { category } });
        if (reply.status === 201) issued.push({ number: reply.body.ticket.number, at: phase === 'before' ? 'before' : 'during' });
        else expect(reply.status).toBe(429);
        if (reply.status === 429) await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    let calls = 0;
    const window = async (token: string, no: number) => {
      while (phase !== 'after') {
        const called = await api(base, 'POST', `/api/windows/${no}/call-next`, { token });
        if (called.status === 200) {
          calls++;
          expect((await api(base, 'POST', `/api/windows/${no}/finish`, { token, body: {} })).status).toBe(200);
        } else expect(called.body.error.code).toBe('QUEUE_EMPTY');
      }
    };
    const busy = Promise.all([kiosk(kiosks[0]!, 'A'), kiosk(kiosks[1]!, 'B'), window(windows[0]!, 1), window(windows[1]!, 2)]);
    await expect.poll(() => issued.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
    phase = 'during';
    const before = issued.filter((t) => t.at === 'before').map((t) => t.number);
    // Two administrators at once: one backup is made, the other told one is running.
    const [made, second] = await Promise.all([api(base, 'POST', '/api/admin/backups', { token: admin }), api(base, 'POST', '/api/admin/backups', { token: admin })]);
    const during = issued.length - before.length;
    phase = 'after';
    await busy;

    const [ok, refused] = made.status === 201 ? [made, second] : [second, made];
    expect(ok.status, JSON.stringify([made.body, second.body])).toBe(201);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('BACKUP_RUNNING');
    expect(refused.body.error.message).toMatch(/正在备份/);
    const backup = ok.body.backup;
    expect(backup).toMatchObject({ trigger: 'manual', ok: true, error: null, contents: { serviceDays: 251, schemaVersion: 20 } });
    expect(backup.contents.tickets).toBeGreaterThanOrEqual(250 * 40 + before.length);
    expect(calls).toBeGreaterThan(0);
    // The hall went on serving while the copy was made and checked.
    expect(during).toBeGreaterThan(0);
    backupFile = join(backupDir, backup.file);
    const copy = new Database(backupFile, { readonly: true });
    const inCopy = new Set(copy.prepare("SELECT number FROM tickets WHERE id NOT LIKE 'y-%'").pluck().all());
    copy.close();
    for (const number of before) expect(inCopy.has(number), number).toBe(true);

    const list = await api(base, 'GET', '/api/admin/backups', { token: admin });
    expect(list.body).toMatchObject({ running: false, keepDays: 30, backups: [backup] });
    const health = await api(base, 'GET', '/api/health');
    expect(health.body.backup).toMatchObject({ last: { at: backup.finishedAt, ok: true }, lastGoodAt: backup.finishedAt });
    // Not for a duty captain.
    expect((await api(base, 'POST', '/api/admin/backups', { token: await officeLogin(base, '2001') })).status).toBe(403);
  }, 60_000);

  it('npm run backup copies the running hall without writing its database', async () => {
    const before = statSync(dbPath).mtimeMs;
    const result = await command('backup');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/备份完成，已检查无误 Backup made and checked/);
    expect(result.stdout).toMatch(/号票 Tickets\s+\d+/);
    expect(statSync(dbPath).mtimeMs).toBe(before);
    const records = readdirSync(backupDir).filter((name) => name.endsWith('.json'));
    expect(records).toHaveLength(2);
  }, 30_000);

  it('restore refuses while the server runs on the database, and works after a kill -9 left its pid file', async () => {
    const refused = await command('restore', [backupFile]);
    expect(refused.code).toBe(78);
    expect(refused.stdout).toMatch(/大厅服务器正在使用这个数据库/);
    expect(refused.stdout).toMatch(/stop the service first/);

    await server.kill();
    expect(existsSync(pidFileOf(dbPath))).toBe(true);
    const replacedBefore = everything(dbPath);
    const restored = await command('restore', [backupFile]);
    expect(restored.code, restored.stdout + restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/已恢复备份 Restored the backup/);
    expect(restored.stdout).toMatch(/服务日 Service days\s+2025-11-03 至 to \d{4}-\d{2}-\d{2}（251 天 days）/);
    expect(restored.stdout).toMatch(/数据库版本 Schema version\s+20/);

    // Exactly what the backup holds, every row of every table.
    expect(everything(dbPath)).toEqual(everything(backupFile));
    // The replaced database is kept aside with all it had (its -wal moved along).
    const aside = readdirSync(dir).find((name) => /^hall\.db\.replaced-\d{8}-\d{6}$/.test(name));
    expect(aside).toBeDefined();
    expect(everything(join(dir, aside!))).toEqual(replacedBefore);
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
  }, 60_000);

  it('restore refuses a damaged copy and a file that is no database, and changes nothing', async () => {
    const damaged = join(dir, 'damaged.db');
    copyFileSync(backupFile, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(damaged).size / 2 / 4096) * 4096);
    closeSync(fd);
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'not a database\n'.repeat(100));
    const now = everything(dbPath);
    const broken = await command('restore', [damaged]);
    expect(broken.code).toBe(78);
    expect(broken.stdout).toMatch(/这份备份已损坏/);
    const foreign = await command('restore', [notDb]);
    expect(foreign.code).toBe(78);
    expect(foreign.stdout).toMatch(/这份备份已损坏|不是大厅排队系统的数据库/);
    const missing = await command('restore', ['2020-01-01']);
    expect(missing.code).toBe(78);
    expect(missing.stdout).toMatch(/有成功备份的日期 Dates with a good backup: \d{4}-\d{2}-\d{2}/);
    expect(everything(dbPath)).toEqual(now);
    expect(readdirSync(dir).filter((name) => name.includes('.restoring'))).toEqual([]);
  }, 60_000);
});
