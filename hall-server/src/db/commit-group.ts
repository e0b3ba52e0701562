import type { Statement } from 'better-sqlite3';
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
// pages. So while the hall is busy, commits are spaced: a group is committed no sooner than
// `gapMs` after the one before it. Busy means the group before held more than one write (writes
// came while the disk was syncing). A hall at its usual pace, a write every few seconds, never
// waits; a busy one adds at most the gap to a reply and commits at most 1000 / gapMs groups a
// second, whatever the load.
//
// The log is moved into the database file (a checkpoint) right after a commit, at most once every
// `checkpointEveryMs`, between two groups: only then, with no transaction open and every page
// of the log copied, does the next group start the log afresh from its beginning. A hall that
// writes all the time never leaves such a moment to a checkpoint made elsewhere, and a log that
// only grows makes every sync of it also write the file's new size, which on the VM this was
// measured on nearly doubled the time of a sync and brought its slow ones in bunches. The checkpoint
// copies the pages one second changed and syncs the database file: about 3 ms at 3,000 tickets
// a second. A quiet hall checkpoints after the group's replies are out, a busy one right after
// a commit, the only moment it has without a group open.

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
  /** The log could not be moved into the database file; it goes on growing until it can. */
  checkpointFailed(error: unknown): void;
  /**
   * Telling others of a write on disk threw. It runs from the disk's callback, where an uncaught
   * error ends the process: one faulty listener must not take the hall down, nor keep the ones
   * after it from being told.
   */
  publishFailed(error: unknown): void;
}

interface Group {
  writes: number;
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
  /** What to tell others once the group is on disk, in the order the writes were made. */
  publish: (() => void)[];
}

export interface CommitTiming {
  /** The least time between two commits. */
  gapMs: number;
  /** The least time between two checkpoints. */
  checkpointEveryMs: number;
  /** A monotonic clock in milliseconds. */
  now(): number;
}

const COMMIT_TIMING: CommitTiming = { gapMs: 4, checkpointEveryMs: 1_000, now: () => performance.now() };

export class CommitGroup {
  /** The group taking writes. */
  private group: Group | null = null;
  /** The group committed and waiting for the disk. */
  private syncing: Group | null = null;
  /** When the last commit was made, on the timing's clock. */
  private lastCommitAt = -Infinity;
  /** The last group committed held more than one write: the next one waits for the gap. */
  private busy = false;
  private lastCheckpointAt = -Infinity;
  /** A commit waiting for the gap to pass. */
  private timer: NodeJS.Timeout | null = null;
  /** The database is closing: no checkpoint is started any more. */
  private closing = false;
  private readonly inSavepoint: (write: () => unknown) => unknown;
  private readonly begin: Statement;
  private readonly commit: Statement;

  constructor(
    private readonly db: Db,
    private readonly hooks: CommitHooks,
    /** How committed pages reach the disk; null when the commit itself waits for it. */
    private readonly sync: WalSync | null,
    private readonly timing: CommitTiming = COMMIT_TIMING,
  ) {
    // Made once: better-sqlite3 builds a transaction function's four variants on every call of
    // `transaction()`, which cost more than the savepoint itself.
    this.inSavepoint = db.transaction((write: () => unknown) => write());
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
  }

  /**
   * Writes in the open group (opening one), as one savepoint: a write that throws leaves the
   * rest of the group as it was. Inside a transaction the caller opened itself, the write simply
   * joins it and the caller commits.
   */
  write<T>(write: () => T): T {
    if (this.group === null && !this.db.inTransaction) this.open();
    if (this.group !== null) this.group.writes++;
    try {
      return this.inSavepoint(write) as T;
    } catch (error) {
      // On a full disk or an I/O error SQLite may roll the whole transaction back, not only the
      // savepoint: the group's earlier writes are gone too, and so is the group.
      if (this.group !== null && !this.db.inTransaction) this.lose(this.group, error);
      throw error;
    }
  }

  /** The group's transaction is gone (rolled back): everyone in it is answered with the error. */
  private lose(group: Group, error: unknown): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.group = null;
    this.hooks.failed(error);
    group.reject(error);
  }

  /** Commits what is open, waits for the disk, and lets go of the log: the database is closing. */
  async close(): Promise<void> {
    this.closing = true;
    this.flush();
    await this.durable().catch(() => undefined);
    this.sync?.close();
  }

  /** Runs `then` once every write made so far is on disk: at once if none waits. */
  afterDurable(then: () => void): void {
    const last = this.latest();
    if (last === null) publishSafely(then, this.hooks);
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
    this.lastCommitAt = this.timing.now();
    this.busy = group.writes > 1;
    try {
      this.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.hooks.failed(error);
      group.reject(error);
      return;
    }
    // A busy hall leaves no other moment without a group open (see above).
    if (this.busy && this.checkpointDue()) this.checkpoint();
    this.waitForDisk(group);
  }

  /** The last checkpoint is long enough ago (see above). */
  private checkpointDue(): boolean {
    // Without a log of its own to wait for (in memory), there is nothing to checkpoint either.
    return this.sync !== null && !this.closing && this.timing.now() - this.lastCheckpointAt >= this.timing.checkpointEveryMs;
  }

  /** Moves the log into the database file. */
  private checkpoint(): void {
    this.lastCheckpointAt = this.timing.now();
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      this.hooks.checkpointFailed(error);
    }
  }

  private latest(): Group | null {
    return this.group ?? this.syncing;
  }

  private waitForDisk(group: Group): void {
    if (this.sync === null) return settle(group, null, this.hooks);
    this.syncing = group;
    this.sync.sync((error) => {
      this.syncing = null;
      if (error !== null) this.hooks.unsynced(error);
      settle(group, error, this.hooks);
      // The group filled meanwhile goes next.
      this.commitWhenDue();
      // A quiet hall checkpoints once the replies the group waited for are out, if no new group
      // has opened by then: nobody waits for it.
      if (!this.busy && this.checkpointDue()) {
        setImmediate(() => {
          if (this.group === null && this.syncing === null && this.checkpointDue()) this.checkpoint();
        });
      }
    });
  }

  /** Commits the open group once the disk is free and, in a busy hall, the gap has passed. */
  private commitWhenDue(): void {
    if (this.group === null || this.syncing !== null || this.timer !== null) return;
    const wait = this.busy ? this.lastCommitAt + this.timing.gapMs - this.timing.now() : 0;
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.commitWhenDue();
    }, wait);
  }

  private open(): Group {
    this.hooks.opened();
    this.begin.run();
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may be left with an unhandled rejection: the callers that wait handle it.
    done.catch(() => undefined);
    const group: Group = { writes: 0, done, resolve, reject, publish: [] };
    this.group = group;
    // Whatever else this turn of the event loop writes joins the group.
    setImmediate(() => {
      if (this.group === group) this.commitWhenDue();
    });
    return group;
  }
}

function settle(group: Group, error: Error | null, hooks: CommitHooks): void {
  if (error !== null) return group.reject(error);
  group.resolve();
  for (const publish of group.publish) publishSafely(publish, hooks);
}

function publishSafely(publish: () => void, hooks: CommitHooks): void {
  try {
    publish();
  } catch (error) {
    hooks.publishFailed(error);
  }
}
