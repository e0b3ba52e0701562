import { z } from 'zod';

// Operations (issue 17): the disk the hall writes to, its backups, and the hall's health as an
// IT person or a monitor reads it from GET /api/health.

/**
 * Why the hall cannot write now: the disk is full (SQLITE_FULL), the database file or its disk
 * is read-only (SQLITE_READONLY, EROFS), or a write failed for another reason of the disk.
 */
export const StorageProblem = z.enum(['full', 'read_only', 'failed']);
export type StorageProblem = z.infer<typeof StorageProblem>;

/** Whether the hall's disk takes writes now, as every screen and the health check see it. */
export const StorageStatus = z.object({
  writable: z.boolean(),
  /** Null while writable. */
  problem: StorageProblem.nullable(),
  /** Since when it cannot write (null while writable). */
  since: z.iso.datetime().nullable(),
});
export type StorageStatus = z.infer<typeof StorageStatus>;

/** What started a backup. */
export const BackupTrigger = z.enum(['nightly', 'manual', 'command', 'before_upgrade', 'before_restore']);
export type BackupTrigger = z.infer<typeof BackupTrigger>;

/** What a backup holds, as `npm run restore` prints it before and after. */
export const BackupContents = z.object({
  schemaVersion: z.number().int(),
  /** The first and last service day in it, and how many days (null: none yet). */
  firstServiceDate: z.iso.date().nullable(),
  lastServiceDate: z.iso.date().nullable(),
  serviceDays: z.number().int().min(0),
  tickets: z.number().int().min(0),
  ratings: z.number().int().min(0),
});
export type BackupContents = z.infer<typeof BackupContents>;

/**
 * One backup as its record beside the copy says (HALL_BACKUP_DIR/<file>.json): made with SQLite's
 * online backup, then checked (PRAGMA integrity_check on the copy). A failed one keeps its record,
 * so the admin page says what went wrong.
 */
export const BackupRecord = z.object({
  /** The copy's file name in the backup folder (no folder: the server's paths are not shown). */
  file: z.string().min(1),
  trigger: BackupTrigger,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  ok: z.boolean(),
  /** Size of the copy in bytes (null when none was made). */
  bytes: z.number().int().min(0).nullable(),
  /** Why it failed (null when ok): a machine-readable code and a line for people. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  contents: BackupContents.nullable(),
});
export type BackupRecord = z.infer<typeof BackupRecord>;

/** GET /api/admin/backups: the kept backups, newest first, and when the next nightly one runs. */
export const BackupsReply = z.object({
  backups: z.array(BackupRecord),
  /** The next nightly backup (HallSettings.backup.time, the hall's time). */
  nextAt: z.iso.datetime().nullable(),
  keepDays: z.number().int(),
  /** A backup is being made now. */
  running: z.boolean(),
});
export type BackupsReply = z.infer<typeof BackupsReply>;

/** POST /api/admin/backups: the backup made now (its record, ok or not). */
export const BackupReply = z.object({ backup: BackupRecord });
export type BackupReply = z.infer<typeof BackupReply>;

/** The last backup as the public health check shows it: when, and whether it is good. */
export const BackupHealth = z.object({
  last: z.object({ at: z.iso.datetime(), ok: z.boolean() }).nullable(),
  /** The newest good backup's time (null: none). */
  lastGoodAt: z.iso.datetime().nullable(),
  nextAt: z.iso.datetime().nullable(),
});
export type BackupHealth = z.infer<typeof BackupHealth>;

/** Machines' faults (a printer out of paper) and kiosks' calls for a guide nobody has answered yet. */
export const FaultHealth = z.object({
  openFaults: z.number().int().min(0),
  /** How long the oldest open fault has been open, in seconds (null: none open). */
  oldestFaultSeconds: z.number().int().min(0).nullable(),
  openHelpRequests: z.number().int().min(0),
  oldestHelpRequestSeconds: z.number().int().min(0).nullable(),
});
export type FaultHealth = z.infer<typeof FaultHealth>;
