import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerEnv } from '../../src/config';
import { startHallServer, type RunningHallServer } from '../../src/server';
import { api } from '../support/hall-server';

// The log keeps what someone looking into a problem needs: refused and failed requests, not a
// line for every ticket taken.

describe('the request log', () => {
  let dir: string;
  let server: RunningHallServer;
  const lines: { msg: string; status?: number; url?: string; method?: string }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hall-log-'));
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    const env = ServerEnv.parse({ HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_DB: join(dir, 'hall.db') });
    server = await startHallServer(env, { logger: pino({ level: 'info' }, stream) });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs a refused request with its status, and not a ticket taken', async () => {
    const before = lines.length;
    expect((await api(server.url, 'POST', '/api/tickets', { body: { category: 'A' } })).status).toBe(201);
    expect((await api(server.url, 'POST', '/api/tickets', { body: { category: 'Z' } })).status).toBe(404);
    expect(lines.slice(before)).toEqual([expect.objectContaining({ msg: 'request answered', method: 'POST', url: '/api/tickets', status: 404 })]);
  });

  it('never logs a visitor’s secret: a refused look-up by secret is logged by the route’s pattern', async () => {
    const { secret } = (await api(server.url, 'POST', '/api/tickets', { body: { category: 'A' } })).body;
    const wrong = secret.startsWith('A') ? `B${secret.slice(1)}` : `A${secret.slice(1)}`;
    const before = lines.length;
    for (const path of [`/api/tickets/${wrong}`, `/api/tickets/${wrong}/evaluation`]) expect((await api(server.url, 'GET', path)).status).toBe(404);
    expect(lines.slice(before)).toEqual([
      expect.objectContaining({ msg: 'request answered', method: 'GET', url: '/api/tickets/:secret', status: 404 }),
      expect.objectContaining({ msg: 'request answered', method: 'GET', url: '/api/tickets/:secret/evaluation', status: 404 }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(wrong.slice(1));
  });
});
