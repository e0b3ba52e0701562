import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnHallServer } from '../support/spawned-server';

// The hall server as the hall runs it: its build in a child process, killed with SIGKILL mid-stream.
// Every ticket acknowledged to a kiosk must be there after the restart, and numbering must
// go on with no number issued twice and no gap.

const dir = mkdtempSync(join(tmpdir(), 'hall-crash-'));
const dbPath = join(dir, 'hall.db');

async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  return spawnHallServer({ env: { HALL_DB: dbPath } });
}

/** A demo kiosk's credential, as the demo hall enrolled it on its first start (the same across restarts). */
function kioskToken(deviceId: string): string {
  const db = new Database(dbPath, { readonly: true });
  const row = db.prepare(`SELECT demo_token AS token FROM device_credentials WHERE device_id = ? AND revoked_at IS NULL`).get(deviceId) as { token: string };
  db.close();
  return row.token;
}

async function issue(base: string, category: string, deviceId = 'kiosk-01'): Promise<{ secret: string; number: string } | null> {
  try {
    const response = await fetch(`${base}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken(deviceId)}` },
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
      // Within the kiosks' burst of the hall's rate limit (20 each), which a restart starts afresh.
      const killAt = acknowledged.length + 10 + Math.floor(Math.random() * 10);
      let stop = false;
      // The two kiosks issuing as fast as they can; the kill lands while requests are in flight.
      const kiosk = async (category: string, deviceId: string) => {
        while (!stop) {
          const ticket = await issue(base, category, deviceId);
          if (ticket === null) return;
          acknowledged.push(ticket);
          if (acknowledged.length >= killAt && !stop) {
            stop = true;
            child.kill('SIGKILL');
          }
        }
      };
      await Promise.all([kiosk('A', 'kiosk-01'), kiosk('B', 'kiosk-02'), kiosk('A', 'kiosk-02')]);
      await exited;
    }

    const { child, base } = await startServer();
    try {
      // Every acknowledged ticket is there: the first by its phone page, all of them in the database (the phone route's rate limit is per address).
      const first = await fetch(`${base}/api/tickets/${acknowledged[0]!.secret}`);
      expect(((await first.json()) as { ticket: { number: string } }).ticket.number).toBe(acknowledged[0]!.number);
      const stored = new Database(dbPath, { readonly: true });
      const bySecret = stored.prepare(`SELECT number FROM tickets WHERE secret = ?`);
      for (const ticket of acknowledged) expect(bySecret.get(ticket.secret)).toEqual({ number: ticket.number });
      stored.close();
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
      expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
