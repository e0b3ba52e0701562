import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import type { ServerEnv } from './config';
import { openDatabase } from './db/connection';
import { HallStore } from './db/hall-store';
import { migrate } from './db/migrate';
import { SessionStore } from './db/session-store';
import { buildHttpApp } from './http/app';
import { attachRealtime } from './realtime/hub';
import { HallService, systemClock, type Clock } from './services/hall-service';
import { readHallConfig, seedHall } from './services/seed-hall';
import { StaffSessions } from './services/staff-sessions';

export interface RunningHallServer {
  url: string;
  port: number;
  hall: HallService;
  close(): Promise<void>;
}

/** How often the day's turn and the guides' shifts are looked at. */
const DAY_CHECK_MS = 30_000;

/** Wires storage, the hall service, HTTP and socket.io together and starts listening. */
export async function startHallServer(
  env: ServerEnv,
  options: { logger?: Logger; clock?: Clock } = {},
): Promise<RunningHallServer> {
  const logger = options.logger ?? pino({ level: env.HALL_LOG_LEVEL });
  const db = openDatabase(env.HALL_DB);
  const version = migrate(db);
  const store = new HallStore(db);
  if (!store.hasSetup()) {
    await seedHall(db, readHallConfig(env.HALL_CONFIG));
    logger.info({ config: env.HALL_CONFIG }, 'hall set up from config file');
  }
  const hall = new HallService(db, store, options.clock ?? systemClock, undefined, env.HALL_TZ);
  const sessions = new StaffSessions(new SessionStore(db), hall, env.HALL_SESSION_IDLE_HOURS * 3_600_000);
  const app = buildHttpApp({ hall, sessions, logger });
  const { io, refreshDuty } = attachRealtime(app.server, hall);
  await app.listen({ port: env.HALL_PORT, host: env.HALL_HOST });
  const dayCheck = setInterval(() => {
    try {
      hall.openServiceDayIfDue();
      refreshDuty();
    } catch (error) {
      logger.error({ err: error }, 'could not turn the service day over or tell who is on duty');
    }
  }, DAY_CHECK_MS);
  dayCheck.unref();

  const { port } = app.server.address() as AddressInfo;
  const host = env.HALL_HOST === '0.0.0.0' || env.HALL_HOST === '::' ? '127.0.0.1' : env.HALL_HOST;
  logger.info({ port, db: env.HALL_DB, schemaVersion: version, serviceDate: hall.serviceDate }, 'hall server listening');
  return {
    url: `http://${host}:${port}`,
    port,
    hall,
    async close() {
      clearInterval(dayCheck);
      io.close();
      await app.close();
      db.close();
    },
  };
}
