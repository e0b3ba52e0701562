import type { ErrorCode, StorageProblem, StorageStatus } from '@hall/shared';
import { DomainError } from '../domain';

// Whether the hall's disk takes writes (issue 17). A commit that fails for a reason of the disk
// says so: the hall then knows it, tells every screen at once and answers every write with a
// code of the problem's, until a write succeeds again (the probe's, storage-probe.ts, or any
// command's). The status changes only on such an edge, so the log and the screens hear of a
// full disk once when it starts and once when it ends, not once a request.

/** SQLite's result codes (better-sqlite3's SqliteError `.code`) and the system's, by what they mean for the hall. */
export function storageProblemOf(error: unknown): StorageProblem | null {
  const code = codeOf(error);
  if (code === null) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'EROFS') return 'read_only';
  if (code.startsWith('SQLITE_IOERR')) return readOnlyCause(error) ? 'read_only' : 'failed';
  if (code === 'EIO') return 'failed';
  return null;
}

/** What a request that needed a write is answered while the disk has this problem. */
export function refusalFor(problem: StorageProblem | null): ErrorCode {
  return problem === 'read_only' ? 'DATABASE_READ_ONLY' : 'NOT_SAVED';
}

/**
 * A refusal because the disk takes no writes. The problem is logged once when it starts
 * (storage-probe.ts), not by every request or timer that meets it.
 */
export function isStorageRefusal(error: unknown): boolean {
  return error instanceof DomainError && typeof error.details?.problem === 'string';
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** An I/O error of SQLite's whose cause the system named as a read-only file system (its message carries it). */
function readOnlyCause(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  return codeOf(cause) === 'EROFS' || /read-only file system/i.test(String((error as Error).message));
}

export type StorageListener = (status: StorageStatus, error: unknown) => void;

export class StorageWatch {
  private problem: StorageProblem | null = null;
  private since: number | null = null;
  private readonly listeners: StorageListener[] = [];

  constructor(private readonly now: () => number) {}

  get writable(): boolean {
    return this.problem === null;
  }

  status(): StorageStatus {
    return { writable: this.problem === null, problem: this.problem, since: this.since === null ? null : new Date(this.since).toISOString() };
  }

  /** A write failed: if for a reason of the disk, the hall cannot write from now on. Answers the problem (null: not the disk's). */
  failed(error: unknown): StorageProblem | null {
    const problem = storageProblemOf(error);
    if (problem === null || problem === this.problem) return problem;
    this.since ??= this.now();
    this.problem = problem;
    this.tell(error);
    return problem;
  }

  /** A write reached the disk: it takes writes again. */
  succeeded(): void {
    if (this.problem === null) return;
    this.problem = null;
    this.since = null;
    this.tell(null);
  }

  onChange(listener: StorageListener): void {
    this.listeners.push(listener);
  }

  private tell(error: unknown): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status, error);
  }
}
