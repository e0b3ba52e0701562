import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/connection';
import { migrate } from '../src/db/migrate';
import { seedHall } from '../src/services/seed-hall';
import type { Benchmark } from './benchmark';
import { readDemoHall } from './support/demo-hall';
import type { Row } from './support/report';
import { percentile } from './support/stats';
import { yearDatabase } from './year/year-database';

// 5. The hall server started as a hall's service starts it (its build, `node dist/main.js`, a
// process of its own; built afresh here first, so the figure is of the code as it is) on a year
// of data: the time from spawning it to the first answer of /api/health. The baseline is
// the same start on a hall set up but with no tickets yet, so the figure shows what the year
// itself costs: loading the last day's tickets, the handling times, the pads' questions.

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const TARGET_RATIO = 2;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Milliseconds from spawn to the first 200 of /api/health, on a copy of `database`. */
async function coldStartMs(database: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-cold-'));
  const db = join(dir, 'hall.db');
  copyFileSync(database, db);
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: serverDir,
    env: { ...process.env, HALL_PORT: String(port), HALL_HOST: '127.0.0.1', HALL_DB: db, HALL_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the hall server exited with ${child.exitCode} before answering`);
      try {
        const reply = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (reply.ok) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (performance.now() - started > 60_000) throw new Error('the hall server did not answer within a minute');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function emptyHall(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'hall-empty-')), 'hall.db');
  const db = openDatabase(path);
  migrate(db);
  await seedHall(db, readDemoHall());
  db.close();
  return path;
}

export const coldStart: Benchmark = {
  name: 'cold-start',
  async run(options) {
    const year = await yearDatabase(options);
    const empty = await emptyHall();
    const runs = options.quick ? 1 : 5;
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: serverDir, stdio: 'inherit' });
    const yearMs: number[] = [];
    const emptyMs: number[] = [];
    options.progress(`starting the server ${runs} times on each database`);
    // Alternated, so a slow moment of the machine does not fall on one side only.
    for (let i = 0; i < runs; i++) {
      emptyMs.push(await coldStartMs(empty));
      yearMs.push(await coldStartMs(year.path));
    }
    rmSync(dirname(empty), { recursive: true, force: true });
    const row: Row = {
      figure: 'cold start with the year, to /api/health',
      value: percentile(yearMs, 50),
      unit: 'ms',
      baseline: percentile(emptyMs, 50),
      targets: [{ on: 'ratio', op: '<=', limit: TARGET_RATIO }],
      note: `median of ${runs}, the built server; baseline: the same start on a hall with no tickets yet`,
    };
    return [row];
  },
};
