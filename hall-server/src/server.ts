import type { AddressInfo } from 'node:net';
import { deviceLink, type EnrolledDevice } from '@hall/shared';
import { AuditLog } from './audit/audit-log';
import type { Logger } from 'pino';
import type { ServerEnv } from './config';
import { AuditStore } from './db/audit-store';
import { hasSetup } from './db/hall-store';
import { DeviceSightings } from './devices/device-sightings';
import type { Db } from './db/connection';
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
import { openCheckedDatabase, refuseIfDamaged } from './operations/start-check';
import { watchStorage } from './operations/storage-probe';
import { isStorageRefusal } from './operations/storage-status';
import { backupBeforeUpgrade } from './operations/before-upgrade';
import { backupDirOf } from './operations/backup-folder';
import { HallBackups } from './operations/hall-backups';
import { claimDatabase } from './operations/server-pid';

export interface RunningHallServer {
  url: string;
  port: number;
  /** The certificate's SHA-256 fingerprint when the hall serves HTTPS, else null. */
  tls: Pick<HallTls, 'fingerprint'> | null;
  hall: Hall;
  /**
   * The hall's one connection to its database, the runtime's. Tests of a database gone read-only
   * under a running hall make it so (PRAGMA query_only): a mounted disk cannot be made read-only
   * while the server has its files open for writing.
   */
  db: Db;
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
  // A damaged or unwritable database refuses the start (issue 17, H2).
  const db = openCheckedDatabase(env);
  // Backups (issue 17, H1): `npm run restore` sees the server on this file; an older schema is backed up before it migrates.
  let releaseDatabase: () => void = () => {};
  try {
    if (env.HALL_DB !== ':memory:') releaseDatabase = claimDatabase(env.HALL_DB);
  } catch (error) {
    db.close();
    throw error;
  }
  await backupBeforeUpgrade(db, env, () => (options.clock ?? { now: Date.now }).now(), logger);
  const version = refuseIfDamaged(env, () => migrate(db), () => db.close());
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
  const storageWatch = watchStorage(hall, logger);
  const backups = new HallBackups({ source: env.HALL_DB, dir: backupDirOf(env), now: () => hall.now(), settings: () => runtime.state.setup.settings, logger });
  const operations: Operations = {
    storage: () => hall.storageStatus(),
    backupHealth: () => backups.health(),
    backups,
  };
  const app = buildHttpApp({ hall, sessions, office, audit, sightings, logger, limits, tls, operations });
  capConnections(app.server, env.HALL_MAX_CONNECTIONS, limits.connectionsPerAddress ? env.HALL_CONNECTIONS_PER_ADDRESS : null);
  const { io, refreshDuty, recheckCredentials } = attachRealtime(app.server, hall, { hall, sessions, office }, sightings, {
    origins: env.HALL_ORIGINS,
    rate: limits.rates ? socketHandshakeRate() : null,
  });
  await app.listen({ port: env.HALL_PORT, host: env.HALL_HOST });
  // A disk that takes no writes is logged once, by watchStorage, not by every timer that meets it.
  const rollup = new ReportRollup(hall, (error) => {
    if (!isStorageRefusal(error)) logger.error({ err: error }, 'could not write a closed day’s report rows');
  });
  rollup.start();
  backups.startNightly();
  const dayCheck = setInterval(() => {
    try {
      hall.openServiceDayIfDue();
      refreshDuty();
      recheckCredentials();
    } catch (error) {
      if (!isStorageRefusal(error)) logger.error({ err: error }, 'could not turn the service day over or tell who is on duty');
    }
  }, DAY_CHECK_MS);
  dayCheck.unref();
  // A pad's question closes on the second: a ticket left unanswered becomes 未评价 promptly.
  const evaluationCheck = setInterval(() => {
    try {
      hall.closeUnansweredEvaluations();
    } catch (error) {
      if (!isStorageRefusal(error)) logger.error({ err: error }, 'could not close unanswered evaluations');
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
    db,
    demoDevices: hall.demoDevices().map(({ device, token }) => ({ device, link: deviceLink(url, device, token) })),
    async close() {
      clearInterval(dayCheck);
      clearInterval(evaluationCheck);
      storageWatch.stop();
      rollup.stop();
      io.close();
      await app.close();
      await backups.stop();
      await hall.close();
      db.close();
      releaseDatabase();
    },
  };
}
