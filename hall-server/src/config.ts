import { isValidTimeZone } from '@hall/shared';
import { existsSync } from 'node:fs';
import { serverFile } from './server-files';
import { z } from 'zod';

const demoHall = serverFile('config', 'demo-hall.json');

/** The hall server's environment. Bad values stop the start with a clear message. */
export const ServerEnv = z.object({
  HALL_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HALL_HOST: z.string().min(1).default('0.0.0.0'),
  HALL_DB: z.string().min(1).default('./data/hall.db'),
  /** Overrides the time zone of the hall's set-up. */
  HALL_TZ: z.string().refine(isValidTimeZone, 'unknown time zone').optional(),
  /** The set-up written into an empty database on first start. */
  HALL_CONFIG: z.string().min(1).default(demoHall),
  /** Staff sessions end after this many idle hours. */
  HALL_SESSION_IDLE_HOURS: z.coerce.number().positive().max(72).default(12),
  HALL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** HTTPS with the hall's own certificate: the paths of its certificate and private key (PEM), both or neither. */
  HALL_TLS_CERT: z.string().min(1).optional(),
  HALL_TLS_KEY: z.string().min(1).optional(),
  /** Open connections at most, in all and from one address (phones behind one NAT'd Wi-Fi share an address). */
  HALL_MAX_CONNECTIONS: z.coerce.number().int().min(10).default(2000),
  HALL_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(10).default(200),
  /** Page addresses besides the server's own (comma-separated origins, e.g. http://hall.local:8080) whose pages may open a websocket. */
  HALL_ORIGINS: z
    .string()
    .optional()
    .transform((list) => (list ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== '')),
  // ---- operations (issue 17) ----
  /** Where the nightly and on-demand backups go (default: a folder `backups` beside the database). */
  HALL_BACKUP_DIR: z.string().min(1).optional(),
  /** Where the log files go, rotated by size and by day (unset: the log goes to standard output). */
  HALL_LOG_DIR: z.string().min(1).optional(),
  /** How many days of log files are kept. */
  HALL_LOG_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** A log file is started afresh past this size (megabytes), as well as each day. */
  HALL_LOG_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(50),
}).refine((env) => (env.HALL_TLS_CERT === undefined) === (env.HALL_TLS_KEY === undefined), {
  message: 'HALL_TLS_CERT and HALL_TLS_KEY go together: set both (HTTPS) or neither (HTTP)',
  path: ['HALL_TLS_CERT'],
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/**
 * The hall's settings file, `hall.env` at the top of the installation (beside package.json), as
 * the service and `npm run backup` / `npm run restore` all read it: one place for the database's
 * and the backups' paths. A variable set in the environment itself wins over the file.
 */
export const HALL_ENV_FILE = serverFile('..', 'hall.env');

/** The environment with hall.env laid under it (when there is one), checked. */
export function loadServerEnv(): ServerEnv {
  if (existsSync(HALL_ENV_FILE)) process.loadEnvFile(HALL_ENV_FILE);
  return readServerEnv(process.env);
}

export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid environment:\n${problems}`);
  }
  return parsed.data;
}
