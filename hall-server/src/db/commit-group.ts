import type { Db } from './connection';
import type { WalSync } from './wal-sync';

// Group commit. A durable commit waits for the disk (fsync), and the disk, not the work, is what
// limits how many commits a second SQLite makes. So the writes of everything the server does
// while the disk is busy go into one transaction: the group is committed as the event loop's
// turn ends if the disk is free, or else the moment it is. The commit itself only hands the
// pages to the operating system; the wait for the disk (wal-sync.ts) runs on another thread
// while this one goes on serving and filling the next group. The busier the hall, the larger
// the groups, and every page a group changes is written once for all of its requests. Nobody is
// told of a write before it is on disk: replies and broadcasts wait for `durable()`, and the
// work to publish a change is queued until its group is on disk. A group that fails to commit
// is rolled back whole, and every request in it is answered with an error.
//
// A commit costs far more than the writes in it: it appends every page the group changed to the
// log (two system calls a page), and the disk then takes them in one sync. A group of one ticket
// changes about seven pages, a group of twenty hardly more than a page a ticket. A disk that syncs
// in a fraction of a millisecond would commit every ticket alone and spend the server's time on
// pages. So commits are spaced: a group is committed no sooner than `gapMs` after the one before
// it. A quiet hall never waits for it (the last commit is long past); a busy one adds at most the
// gap to a reply and commits at most 1000 / gapMs groups a second, whatever the load.

export interface CommitHooks {
  /** Before a group's first write. */
  opened(): void;
  /** After a group could not be committed and was rolled back. */
  failed(error: unknown): void;
  /**
   * Committed writes could not be made durable. Their pages may be lost with the next power
   * cut, and the operating system may already have dropped them: only a restart from what the
   * disk holds is safe.
   */
  unsynced(error: unknown): void;
}

interface Group {
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
  /** What to tell others once the group is on disk, in the order the writes were made. */
  publish: (() => void)[];
}

/** The least time between two commits: see above. */
export const COMMIT_GAP_MS = 4;

export interface CommitSpacing {
  gapMs: number;
  /** A monotonic clock in milliseconds. */
  now(): number;
}

export class CommitGroup {
  /** The group taking writes. */
  private group: Group | null = null;
  /** The group committed and waiting for the disk. */
  private syncing: Group | null = null;
  /** When the last commit was made, on the spacing's clock. */
  private lastCommitAt = -Infinity;
  /** A commit waiting for the gap to pass. */
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly hooks: CommitHooks,
    /** How committed pages reach the disk; null when the commit itself waits for it. */
    private readonly sync: WalSync | null,
    private readonly spacing: CommitSpacing = { gapMs: COMMIT_GAP_MS, now: () => performance.now() },
  ) {}

  /**
   * Writes in the open group (opening one), as one savepoint: a write that throws leaves the
   * rest of the group as it was. Inside a transaction the caller opened itself, the write simply
   * joins it and the caller commits.
   */
  write<T>(write: () => T): T {
    if (this.group === null && !this.db.inTransaction) this.open();
    return this.db.transaction(write)();
  }

  /** Commits what is open, waits for the disk, and lets go of the log: the database is closing. */
  async close(): Promise<void> {
    this.flush();
    await this.durable().catch(() => undefined);
    this.sync?.close();
  }

  /** Runs `then` once every write made so far is on disk: at once if none waits. */
  afterDurable(then: () => void): void {
    const last = this.latest();
    if (last === null) then();
    else last.publish.push(then);
  }

  /** Settles once everything written so far is on disk; rejects if it could not be. */
  durable(): Promise<void> {
    return this.latest()?.done ?? Promise.resolve();
  }

  /**
   * Commits the open group now, without waiting for the gap, unless the disk is still busy with
   * the one before: then it goes as soon as that one is on disk. (Called with the database about
   * to close, after the last request: the caller waits for `durable()`.)
   */
  flush(): void {
    const group = this.group;
    if (group === null || this.syncing !== null) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.group = null;
    this.lastCommitAt = this.spacing.now();
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.hooks.failed(error);
      group.reject(error);
      return;
    }
    this.waitForDisk(group);
  }

  private latest(): Group | null {
    return this.group ?? this.syncing;
  }

  private waitForDisk(group: Group): void {
    if (this.sync === null) return settle(group, null);
    this.syncing = group;
    this.sync.sync((error) => {
      this.syncing = null;
      if (error !== null) this.hooks.unsynced(error);
      settle(group, error);
      // The group filled meanwhile goes next.
      this.commitWhenDue();
    });
  }

  /** Commits the open group once the disk is free and the gap since the last commit has passed. */
  private commitWhenDue(): void {
    if (this.group === null || this.syncing !== null || this.timer !== null) return;
    const wait = this.lastCommitAt + this.spacing.gapMs - this.spacing.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.commitWhenDue();
    }, wait);
  }

  private open(): Group {
    this.hooks.opened();
    this.db.exec('BEGIN IMMEDIATE');
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may be left with an unhandled rejection: the callers that wait handle it.
    done.catch(() => undefined);
    const group: Group = { done, resolve, reject, publish: [] };
    this.group = group;
    // Whatever else this turn of the event loop writes joins the group.
    setImmediate(() => {
      if (this.group === group) this.commitWhenDue();
    });
    return group;
  }
}

function settle(group: Group, error: Error | null): void {
  if (error !== null) return group.reject(error);
  group.resolve();
  for (const publish of group.publish) publish();
}
