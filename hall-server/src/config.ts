import { isValidTimeZone } from '@hall/shared';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const demoHall = fileURLToPath(new URL('../config/demo-hall.json', import.meta.url));

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
});
export type ServerEnv = z.infer<typeof ServerEnv>;

export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid environment:\n${problems}`);
  }
  return parsed.data;
}
