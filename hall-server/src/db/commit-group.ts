import type { Db } from './connection';

// Group commit. A durable commit waits for the disk (fsync), and the disk, not the work, is what
// limits how many commits a second SQLite makes. So the writes of everything the server does in
// one turn of the event loop (every request that arrived together) go into one transaction,
// committed as the turn ends: one fsync for the lot. Nobody is told of a write before it is on
// disk: replies and broadcasts wait for `durable()`, and the work to publish a change is queued
// until its group has committed. A group that fails to commit is rolled back whole, and every
// request in it is answered with an error.

export interface CommitHooks {
  /** Before a group's first write. */
  opened(): void;
  /** After a group could not be committed and was rolled back. */
  failed(error: unknown): void;
}

interface Group {
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
  /** What to tell others once the group is on disk, in the order the writes were made. */
  publish: (() => void)[];
}

export class CommitGroup {
  private group: Group | null = null;

  constructor(
    private readonly db: Db,
    private readonly hooks: CommitHooks,
    /** When to commit an open group: as the event loop's turn ends. */
    private readonly schedule: (commit: () => void) => void = (commit) => setImmediate(commit),
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

  /** Runs `then` once every write made so far is on disk: at once if none waits. */
  afterDurable(then: () => void): void {
    if (this.group === null) then();
    else this.group.publish.push(then);
  }

  /** Settles once everything written so far is on disk; rejects if it could not be. */
  durable(): Promise<void> {
    return this.group?.done ?? Promise.resolve();
  }

  /** Commits the open group now (before the database is closed). */
  flush(): void {
    const group = this.group;
    if (group === null) return;
    this.group = null;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.hooks.failed(error);
      group.reject(error);
      return;
    }
    group.resolve();
    for (const publish of group.publish) publish();
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
    this.schedule(() => {
      if (this.group === group) this.flush();
    });
    return group;
  }
}
