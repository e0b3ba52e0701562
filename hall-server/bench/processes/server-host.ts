import { TOKEN_FRAGMENT_PARAM } from '@hall/shared';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerEnv } from '../../src/config';
import type { AbuseLimits } from '../../src/http/limits';
import { startHallServer } from '../../src/server';
import { startBareBroadcast } from '../baselines/bare-broadcast';
import { serveApi } from '../support/child-api';
import { processCpuMs } from '../support/clock';

// A child process that runs one server at a time for the parent's load generator: the hall
// server as production runs it (durable SQLite in a temporary folder, info-level JSON logs to
// stdout, which the parent sends to /dev/null), or the bare socket.io baseline.

const dir = mkdtempSync(join(tmpdir(), 'hall-bench-'));
let running: { close(): Promise<void> } | null = null;
let kiosk: { link: string } | null = null;
let template: string | null = null;
let databases = 0;

const envFor = (db: string) => ServerEnv.parse({ HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_DB: db });
/**
 * The load generator is one address offering a whole hall's load, which a hall's per-address
 * limits would refuse: the benchmarks measure capacity with them off.
 */
const BENCH_LIMITS: Partial<AbuseLimits> = { rates: false, connectionsPerAddress: false };

/**
 * A database holding the demo hall's set-up and no tickets. Setting up hashes every staff PIN
 * with scrypt (most of a second), so it is done once and the file copied for every start.
 */
async function freshDatabase(): Promise<string> {
  if (template === null) {
    const path = join(dir, 'template.db');
    await (await startHallServer(envFor(path))).close();
    template = path;
  }
  const path = join(dir, `hall-${++databases}.db`);
  copyFileSync(template, path);
  return path;
}

async function stop(): Promise<void> {
  await running?.close();
  running = null;
}

const api = {
  /** Starts the demo hall on an empty day; returns its base URL. `pinLock: false` turns the PIN lock off (the PIN flood). */
  async startHall(options: { pinLock?: boolean } = {}): Promise<string> {
    await stop();
    const server = await startHallServer(envFor(await freshDatabase()), { limits: { ...BENCH_LIMITS, ...(options.pinLock === false ? { pinLock: false } : {}) } });
    running = server;
    kiosk = server.demoDevices.find((d) => d.device.kind === 'kiosk') ?? null;
    return server.url;
  },
  /** The bearer token of the running demo hall's first kiosk, for requests only a kiosk may make. */
  kioskToken(): string {
    if (kiosk === null) throw new Error('no demo kiosk in the running hall');
    return new URL(kiosk.link).hash.slice(`#${TOKEN_FRAGMENT_PARAM}=`.length);
  },
  /** Starts the hall server on a copy of a database that already holds a hall's history. */
  async startHallOn(database: string): Promise<string> {
    await stop();
    const path = join(dir, `hall-${++databases}.db`);
    copyFileSync(database, path);
    const server = await startHallServer(envFor(path), { limits: BENCH_LIMITS });
    running = server;
    return server.url;
  },
  async startBare(): Promise<string> {
    await stop();
    const server = await startBareBroadcast();
    running = server;
    return server.url;
  },
  stop,
  cpuMs: processCpuMs,
  /** The resident memory of this process: the server, and the little harness around it. */
  rssMb: () => process.memoryUsage().rss / 2 ** 20,
};
export type ServerHostApi = typeof api;

serveApi(api, async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});
