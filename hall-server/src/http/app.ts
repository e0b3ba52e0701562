import helmet from '@fastify/helmet';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { BackupHealth, BackupRecord, BackupsReply, BackupTrigger, StorageStatus } from '@hall/shared';
import { DomainError } from '../domain';
import type { DeviceSightings } from '../devices/device-sightings';
import type { AuditLog } from '../audit/audit-log';
import type { Hall } from '../runtime/hall';
import type { OfficeSessions } from '../services/office-sessions';
import type { StaffSessions } from '../services/staff-sessions';
import { enforceAccess } from './access';
import { documentApi } from './api-docs';
import { resolvePrincipals } from './principal';
import { errorReply, statusFor } from './errors';
import { isStorageRefusal } from '../operations/storage-status';
import { SECURITY_HEADERS } from './headers';
import { limitRates, SERVER_TIMEOUTS, type AbuseLimits } from './limits';
import { adminSetupRoutes } from './routes/admin-setup';
import { pairingRoutes } from './routes/pairings';
import { appointmentRoutes } from './routes/appointments';
import { auditRoutes } from './routes/audit';
import { ratingsRoutes } from './routes/ratings';
import { adminDeviceRoutes } from './routes/admin-devices';
import { authRoutes } from './routes/auth';
import { itemsImportRoutes } from './routes/items-import';
import { deviceRoutes } from './routes/devices';
import { helpRequestRoutes } from './routes/help-requests';
import { evaluationRoutes } from './routes/evaluations';
import { officeRoutes } from './routes/office';
import { leaderDutyRoutes } from './routes/leader-duty';
import { onsiteRoutes } from './routes/onsite';
import { monthlyExportRoutes } from './routes/monthly-exports';
import { hallRoutes } from './routes/hall';
import { backupRoutes } from './routes/backups';
import { ticketRoutes } from './routes/tickets';
import { windowRoutes } from './routes/windows';
import { webRoutes } from '../web/routes';

/** A reply slower than this is logged even when it succeeded. */
const SLOW_REPLY_MS = 1_000;

export interface HttpDeps {
  hall: Hall;
  sessions: StaffSessions;
  office: OfficeSessions;
  audit: AuditLog;
  /** When each machine last spoke, and whether it is connected. */
  sightings: DeviceSightings;
  logger: FastifyBaseLogger;
  limits: AbuseLimits;
  /** The hall's own certificate and key (PEM), when it serves HTTPS. */
  tls: { cert: string; key: string } | null;
  /** The disk and the backups, as the health check and the admin page report them (issue 17). */
  operations: Operations;
}

export interface Operations {
  storage(): StorageStatus;
  backupHealth(): BackupHealth;
  /** The backup folder and backups made now (issue 17, H1: operations/hall-backups.ts). */
  backups: { list(): BackupsReply; backUp(trigger: BackupTrigger): Promise<BackupRecord> };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's address carries a secret (a pairing id): logs show its pattern instead. */
    secretInPath?: boolean;
  }
}

/** The address a log line names: never one that carries a secret. */
const loggedUrl = (request: FastifyRequest) => (request.routeOptions.config.secretInPath ? request.routeOptions.url : request.url);

/** Fastify's own error codes for a body it could not read. */
function bodyErrorCode(code: string | undefined) {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE' as const;
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'MALFORMED_JSON' as const;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE' as const;
    default:
      return null;
  }
}

export function buildHttpApp(deps: HttpDeps): FastifyInstance {
  // A screen still long-polling must not hold a shutdown or restart open. Two log lines for every
  // kiosk tap and every page load would bury what matters: refusals and slow replies are logged
  // below, failures by the error handler.
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: 64 * 1024,
    forceCloseConnections: true,
    logController: new LogController({ disableRequestLogging: true }),
    ...SERVER_TIMEOUTS,
    ...(deps.tls ? { https: deps.tls } : {}),
    // A path the router cannot read (bad %-escapes, a parameter over 100 characters) is refused
    // before any route, still with an error code like every other refusal.
    frameworkErrors: (error, request, reply) =>
      (reply as FastifyReply).status(400).send(errorReply('VALIDATION_FAILED', request.headers['accept-language'], { reason: error.code })),
    // A request node cannot even parse (headers over 16 KB, a broken request line) is answered in
    // the hall's error format too, before the connection closes.
    clientErrorHandler: (error: Error & { code?: string }, socket) => {
      if (!socket.writable) return;
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
      const body = JSON.stringify(errorReply(tooLarge ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', undefined, { reason: error.code ?? 'client error' }));
      const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  }) as unknown as FastifyInstance;
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode < 400 && reply.elapsedTime < SLOW_REPLY_MS) return;
    request.log.info({ method: request.method, url: loggedUrl(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request answered');
  });
  // The API speaks JSON only; anything else is refused with its own code.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    const language = request.headers['accept-language'];
    if (error instanceof DomainError) {
      // A refusal that says when to come back says it to HTTP clients too.
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      // A disk that takes no writes is logged once when it starts and once when it ends (operations/storage-probe.ts), not once a request.
      if (statusFor(error.code) >= 500 && !isStorageRefusal(error)) request.log.error({ err: error, url: loggedUrl(request), method: request.method }, 'request not saved');
      return reply.status(statusFor(error.code)).send(errorReply(error.code, language, error.details));
    }
    const bodyCode = bodyErrorCode(error.code) ?? (error instanceof SyntaxError ? 'MALFORMED_JSON' : null);
    if (bodyCode) return reply.status(statusFor(bodyCode)).send(errorReply(bodyCode, language));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorReply('VALIDATION_FAILED', language, { reason: error.message }));
    }
    request.log.error({ err: error, url: loggedUrl(request), method: request.method }, 'request failed');
    return reply.status(500).send(errorReply('INTERNAL_ERROR', language));
  });

  // No reply leaves before what the server wrote so far is on disk (see db/commit-group.ts).
  app.addHook('onSend', async () => {
    await deps.hall.durable();
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorReply('ROUTE_NOT_FOUND', request.headers['accept-language'], { method: request.method, url: request.url })),
  );

  app.register(helmet, SECURITY_HEADERS);
  // Before the routes: who is calling, then whether they may (the access table checks each route as it is registered).
  resolvePrincipals(app, deps, deps.sightings);
  // Keyed by the caller just resolved: a device by its credential, anyone else by address.
  if (deps.limits.rates) limitRates(app);
  enforceAccess(app);
  // Every /api route in the OpenAPI document (route-docs.ts), or the server refuses to start.
  documentApi(app);
  app.register(hallRoutes(deps));
  app.register(ticketRoutes(deps));
  app.register(authRoutes(deps));
  app.register(windowRoutes(deps));
  app.register(deviceRoutes(deps));
  app.register(helpRequestRoutes(deps));
  app.register(appointmentRoutes(deps));
  app.register(evaluationRoutes(deps));
  app.register(officeRoutes(deps));
  app.register(leaderDutyRoutes(deps));
  app.register(onsiteRoutes(deps));
  app.register(ratingsRoutes(deps));
  app.register(monthlyExportRoutes(deps));
  app.register(auditRoutes(deps));
  app.register(adminDeviceRoutes(deps));
  app.register(pairingRoutes(deps));
  app.register(itemsImportRoutes(deps));
  app.register(adminSetupRoutes(deps));
  app.register(backupRoutes(deps));
  app.register(webRoutes);
  return app;
}
