import type { Db } from './connection';

/** The one row the hall rewrites to learn whether its disk takes writes again (migration 020). */
export class StorageProbeStore {
  private readonly touch;

  constructor(db: Db) {
    this.touch = db.prepare('UPDATE storage_probe SET at = ? WHERE id = 1');
  }

  write(at: number): void {
    this.touch.run(at);
  }
}
