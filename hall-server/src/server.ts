import type { AddressInfo } from 'node:net';
import { deviceLink, type EnrolledDevice } from '@hall/shared';
import { AuditLog } from './audit/audit-log';
import type { Logger } from 'pino';
import type { ServerEnv } from './config';
import { openDatabase } from './db/connection';
import { AuditStore } from './db/audit-store';
import { hasSetup } from './db/hall-store';
import { DeviceSightings } from './devices/device-sightings';
import { migrate } from './db/migrate';
import { openHallLog } from './operations/logger';
import { buildHttpApp, type Operations } from './http/app';
import { capConnections, HALL_LIMITS, socketHandshakeRate, type AbuseLimits } from './http/limits';
import { attachRealtime } from './realtime/hub';
import { createHall, type Hall } from './runtime/hall';
import { HallRuntime, type Clock } from './runtime/hall-runtime';
import type { ClockSources } from './runtime/hall-clock';
import { logClockNotice } from './operations/clock-log';
import { readHallConfig, seedHall } from './services/seed-hall';
import { OfficeSessions } from './services/office-sessions';
import { StaffSessions } from './services/staff-sessions';
import { PIN_LOCK_RULES, PinGuard } from './services/pin-guard';
import { ReportRollup } from './runtime/report-rollup';
import { readTls, type HallTls } from './tls';

export interface RunningHallServer {
  url: string;
  port: number;
  /** The certificate's SHA-256 fingerprint when the hall serves HTTPS, else null. */
  tls: Pick<HallTls, 'fingerprint'> | null;
  hall: Hall;
  /** The demo hall's enrolled demo devices, each with its ready-to-open address (none for a real hall). */
  demoDevices: { device: EnrolledDevice; link: string }[];
  close(): Promise<void>;
}

/** How often the day's turn and the guides' shifts are looked at. */
const DAY_CHECK_MS = 30_000;
const EVALUATION_CHECK_MS = 1_000;

/** Wires storage, the hall service, HTTP and socket.io together and starts listening. */
export async function startHallServer(
  env: ServerEnv,
  options: { logger?: Logger; clock?: Clock; clockSources?: ClockSources; limits?: Partial<AbuseLimits> } = {},
): Promise<RunningHallServer> {
  const logger = options.logger ?? (await openHallLog(env)).logger;
  const limits: AbuseLimits = { ...HALL_LIMITS, ...options.limits };
  // Read before anything opens: a missing or broken certificate stops the start with its reason.
  const tls = readTls(env);
  const db = openDatabase(env.HALL_DB);
  const version = migrate(db);
  if (!hasSetup(db)) {
    await seedHall(db, readHallConfig(env.HALL_CONFIG));
    logger.info({ config: env.HALL_CONFIG }, 'hall set up from config file');
  }
  const runtime = new HallRuntime(db, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.clockSources ? { clockSources: options.clockSources } : {}),
    onClockNotice: (notice) => logClockNotice(logger, notice),
    timezone: env.HALL_TZ,
  });
  const hall = createHall(runtime);
  hall.enrolDemoDevices();
  hall.onStorageLost((error) => logger.fatal({ err: error }, 'committed writes could not be made durable; the server must restart from the disk'));
  hall.onCheckpointFailed((error) => logger.error({ err: error }, 'the log could not be moved into the database file; it goes on growing'));
  hall.onPublishFailed((error) => logger.error({ err: error, code: 'PUBLISH_FAILED' }, 'a change on disk could not be told to the screens'));
  const idleMs = env.HALL_SESSION_IDLE_HOURS * 3_600_000;
  const pinGuard = new PinGuard(limits.pinLock ? PIN_LOCK_RULES : null, () => hall.now(), logger);
  const sessions = new StaffSessions(runtime, hall, idleMs, pinGuard);
  const office = new OfficeSessions(runtime, sessions, hall, idleMs);
  // Read-only queries of the event log and set-up: they never write, so they need not go through the runtime.
  const audit = new AuditLog(new AuditStore(db), () => runtime.state.setup.settings.timezone);
  const sightings = new DeviceSightings(() => hall.now());
  // Until issue 17's parts land: the disk as last seen writable, no backup yet.
  const operations: Operations = {
    storage: () => ({ writable: true, problem: null, since: null }),
    backupHealth: () => ({ last: null, lastGoodAt: null, nextAt: null }),
  };
  const app = buildHttpApp({ hall, sessions, office, audit, sightings, logger, limits, tls, operations });
  capConnections(app.server, env.HALL_MAX_CONNECTIONS, limits.connectionsPerAddress ? env.HALL_CONNECTIONS_PER_ADDRESS : null);
  const { io, refreshDuty, recheckCredentials } = attachRealtime(app.server, hall, { hall, sessions, office }, sightings, {
    origins: env.HALL_ORIGINS,
    rate: limits.rates ? socketHandshakeRate() : null,
  });
  await app.listen({ port: env.HALL_PORT, host: env.HALL_HOST });
  const rollup = new ReportRollup(hall, (error) => logger.error({ err: error }, 'could not write a closed day’s report rows'));
  rollup.start();
  const dayCheck = setInterval(() => {
    try {
      hall.openServiceDayIfDue();
      refreshDuty();
      recheckCredentials();
    } catch (error) {
      logger.error({ err: error }, 'could not turn the service day over or tell who is on duty');
    }
  }, DAY_CHECK_MS);
  dayCheck.unref();
  // A pad's question closes on the second: a ticket left unanswered becomes 未评价 promptly.
  const evaluationCheck = setInterval(() => {
    try {
      hall.closeUnansweredEvaluations();
    } catch (error) {
      logger.error({ err: error }, 'could not close unanswered evaluations');
    }
  }, EVALUATION_CHECK_MS);
  evaluationCheck.unref();

  const { port } = app.server.address() as AddressInfo;
  const host = env.HALL_HOST === '0.0.0.0' || env.HALL_HOST === '::' ? '127.0.0.1' : env.HALL_HOST;
  logger.info({ port, db: env.HALL_DB, schemaVersion: version, serviceDate: hall.serviceDate() }, 'hall server listening');
  const url = `${tls ? 'https' : 'http'}://${host}:${port}`;
  return {
    url,
    port,
    tls: tls && { fingerprint: tls.fingerprint },
    hall,
    demoDevices: hall.demoDevices().map(({ device, token }) => ({ device, link: deviceLink(url, device, token) })),
    async close() {
      clearInterval(dayCheck);
      clearInterval(evaluationCheck);
      rollup.stop();
      io.close();
      await app.close();
      await hall.close();
      db.close();
    },
  };
}
