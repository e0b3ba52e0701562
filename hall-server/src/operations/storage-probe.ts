import type { StorageStatus } from '@hall/shared';
import type { Logger } from 'pino';
import type { Hall } from '../runtime/hall';

// While the disk takes no writes, the hall tries one every few seconds (the probe row of
// migration 020) and so learns by itself when space returns or the file is writable again; a
// command's write that succeeds meanwhile tells it too. The log has one line when the problem
// starts and one when it ends, each with its code.

/** How often the probe row is written while the disk takes no writes. */
export const PROBE_EVERY_MS = 2_000;

const CODES = { full: 'STORAGE_FULL', read_only: 'DATABASE_READ_ONLY', failed: 'STORAGE_FAILED' } as const;

export function watchStorage(hall: Pick<Hall, 'onStorageChanged' | 'probeStorage'>, logger: Logger, everyMs = PROBE_EVERY_MS): { stop(): void } {
  let probe: NodeJS.Timeout | null = null;
  const stopProbing = () => {
    if (probe !== null) clearInterval(probe);
    probe = null;
  };
  hall.onStorageChanged((status: StorageStatus, error: unknown) => {
    if (status.problem === null) {
      stopProbing();
      logger.info({ code: 'STORAGE_WRITABLE' }, 'the disk takes writes again; the hall saves and issues as before');
      return;
    }
    logger.error({ code: CODES[status.problem], problem: status.problem, err: error }, 'the disk takes no writes: nothing is saved and no ticket is issued until it does');
    probe ??= setInterval(() => void hall.probeStorage().catch(() => undefined), everyMs);
    probe.unref();
  });
  return { stop: stopProbing };
}
