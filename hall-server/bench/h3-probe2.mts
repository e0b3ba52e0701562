import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { ServerEnv } from '../src/config';
import { startHallServer } from '../src/server';
import { JsonHttp } from './support/http-client';
const dir = mkdtempSync(join(tmpdir(), 'probe-'));
const server = await startHallServer(ServerEnv.parse({ HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_DB: join(dir, 'h.db') }), { logger: pino({ level: 'silent' }), limits: { rates: false, pinLock: false, connectionsPerAddress: false } });
const h = monitorEventLoopDelay({ resolution: 5 }); h.enable();
const http = new JsonHttp(server.url, 32);
const st = new Map<number, number>();
const t0 = performance.now();
await Promise.all(Array.from({ length: 32 }, async () => {
  while (performance.now() - t0 < 3000) { const r = await http.post('/api/auth/login', { staffNo: '1001', pin: '000000', windowNo: 1 }); st.set(r.status, (st.get(r.status) ?? 0) + 1); }
}));
h.disable();
console.log(st, 'lag p99', h.percentile(99) / 1e6, 'max', h.max / 1e6, 'cpu', process.cpuUsage());
http.close(); await server.close(); process.exit(0);
