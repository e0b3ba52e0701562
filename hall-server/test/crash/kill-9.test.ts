import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The hall server as the hall runs it: a child process, killed with SIGKILL mid-stream.
// Every ticket acknowledged to a kiosk must be there after the restart, and numbering must
// go on with no number issued twice and no gap.

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hall-crash-'));
const dbPath = join(dir, 'hall.db');

function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_DB: dbPath, HALL_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'hall server listening') {
          clearTimeout(timer);
          resolve({ child, base: `http://127.0.0.1:${entry.port}` });
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function issue(base: string, category: string): Promise<{ secret: string; number: string } | null> {
  try {
    const response = await fetch(`${base}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ category }),
    });
    if (response.status !== 201) throw new Error(`status ${response.status}`);
    const { ticket, secret } = (await response.json()) as { ticket: { number: string }; secret: string };
    return { secret, number: ticket.number };
  } catch (error) {
    // Only a request cut off by the kill may fail; the server never answers with an error here.
    if ((error as Error).message.startsWith('status')) throw error;
    return null;
  }
}

describe('kill -9 in the middle of issuing', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged ticket and never repeats or skips a number', async () => {
    const acknowledged: { secret: string; number: string }[] = [];
    for (let round = 0; round < 3; round++) {
      const { child, base } = await startServer();
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const killAt = acknowledged.length + 30 + Math.floor(Math.random() * 30);
      let stop = false;
      // Three kiosks issuing as fast as they can; the kill lands while requests are in flight.
      const kiosk = async (category: string) => {
        while (!stop) {
          const ticket = await issue(base, category);
          if (ticket === null) return;
          acknowledged.push(ticket);
          if (acknowledged.length >= killAt && !stop) {
            stop = true;
            child.kill('SIGKILL');
          }
        }
      };
      await Promise.all([kiosk('A'), kiosk('B'), kiosk('A')]);
      await exited;
    }

    const { child, base } = await startServer();
    try {
      for (const ticket of acknowledged) {
        const response = await fetch(`${base}/api/tickets/${ticket.secret}`);
        expect(response.status).toBe(200);
        expect(((await response.json()) as { ticket: { number: string } }).ticket.number).toBe(ticket.number);
      }
      const next = await issue(base, 'A');

      const db = new Database(dbPath, { readonly: true });
      const rows = db.prepare(`SELECT service_date AS day, number, seq FROM tickets ORDER BY service_date, number`).all() as {
        day: string;
        number: string;
        seq: number;
      }[];
      db.close();
      const byPrefix = new Map<string, number[]>();
      for (const row of rows) {
        const key = `${row.day}/${row.number[0]}`;
        byPrefix.set(key, [...(byPrefix.get(key) ?? []), row.seq]);
      }
      for (const [key, seqs] of byPrefix) {
        expect(seqs, key).toEqual(seqs.map((_, i) => i + 1));
      }
      const aSeqs = [...byPrefix.entries()].filter(([k]) => k.endsWith('/A')).pop()![1];
      expect(next!.number).toBe(`A${String(aSeqs.length).padStart(3, '0')}`);
      expect(new Set(acknowledged.map((t) => t.number)).size).toBe(acknowledged.length);
      expect(acknowledged.length).toBeGreaterThanOrEqual(90);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
