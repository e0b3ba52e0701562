import type { BackupHealth, BackupRecord, BackupsReply, BackupTrigger, HallSettings } from '@hall/shared';
import type { Logger } from 'pino';
import { DomainError } from '../domain';
import { makeBackup } from './backup-make';
import { lastGoodBackup, listBackups } from './backup-folder';
import { pruneBackups } from './backup-retention';
import { nightlyPlan } from './nightly-schedule';

// The hall server's backups: one at a time, on demand (the admin page) or nightly, each logged,
// the old ones pruned after a good one. The folder's records are the memory: a restarted server
// knows from them whether tonight's backup was made.

/** How often the nightly backup's time is looked at: a plain interval survives clock steps, one long timer would not. */
const NIGHTLY_CHECK_MS = 30_000;

export interface HallBackupsDeps {
  /** The live database's file. */
  source: string;
  dir: string;
  /** The hall's clock. */
  now: () => number;
  /** The settings in force now: the backup's time and days, the hall's time zone. */
  settings: () => Pick<HallSettings, 'backup' | 'timezone'>;
  logger: Logger;
}

export class HallBackups {
  private running: Promise<BackupRecord> | null = null;
  private lastNightlyAt: number | null;
  /** The last backup this server made: a failure whose record could not be written (the folder unusable) is still told. */
  private latest: BackupRecord | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: HallBackupsDeps) {
    const last = listBackups(deps.dir).find((record) => record.trigger === 'nightly');
    this.lastNightlyAt = last === undefined ? null : Date.parse(last.startedAt);
  }

  /** Makes a backup now; refuses (BACKUP_RUNNING) while another is being made. */
  backUp(trigger: BackupTrigger): Promise<BackupRecord> {
    if (this.running !== null) throw new DomainError('BACKUP_RUNNING');
    const { source, dir, now, logger } = this.deps;
    const { backup, timezone } = this.deps.settings();
    const started = now();
    this.running = makeBackup({ source, dir, trigger, now, timezone })
      .then((record) => {
        this.latest = record;
        const fields = { file: record.file, trigger, ms: now() - started };
        if (record.ok) {
          logger.info({ ...fields, bytes: record.bytes, contents: record.contents }, 'backup made and checked');
          const removed = pruneBackups(dir, backup.keepDays, now());
          if (removed.length > 0) logger.info({ removed, keepDays: backup.keepDays }, 'old backups removed');
        } else {
          logger.error({ ...fields, code: record.error?.code, reason: record.error?.message }, 'backup failed');
        }
        return record;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  /** Makes tonight's backup when it is due; answers it, or null when none was due (or one is running). */
  async checkNightly(): Promise<BackupRecord | null> {
    if (this.running !== null || !this.plan().due) return null;
    this.lastNightlyAt = this.deps.now();
    return this.backUp('nightly');
  }

  startNightly(): void {
    this.timer = setInterval(() => {
      this.checkNightly().catch((error: unknown) => this.deps.logger.error({ err: error, code: 'BACKUP_FAILED' }, 'the nightly backup could not be started'));
    }, NIGHTLY_CHECK_MS);
    this.timer.unref();
  }

  /** Stops the nightly checks and waits for a backup being made to finish. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  list(): BackupsReply {
    return {
      backups: listBackups(this.deps.dir),
      nextAt: new Date(this.plan().nextAt).toISOString(),
      keepDays: this.deps.settings().backup.keepDays,
      running: this.running !== null,
    };
  }

  health(): BackupHealth {
    // Read once: the health check is open to anyone and asked often.
    const records = listBackups(this.deps.dir);
    const last = [records[0], this.latest]
      .filter((record) => record !== undefined && record !== null)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
    const good = lastGoodBackup(this.deps.dir, records);
    return {
      last: last === undefined ? null : { at: last.finishedAt, ok: last.ok },
      lastGoodAt: good === null ? null : good.record.finishedAt,
      nextAt: new Date(this.plan().nextAt).toISOString(),
    };
  }

  private plan() {
    const { backup, timezone } = this.deps.settings();
    return nightlyPlan(this.deps.now(), backup.time, timezone, this.lastNightlyAt);
  }
}
