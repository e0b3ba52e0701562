import type { Db } from './connection';

/**
 * The time of the newest event on record, or null for a hall with none: the hall's clock never
 * starts before it (runtime/hall-clock.ts). The newest by id, so a start reads one row.
 */
export function lastRecordedAt(db: Db): number | null {
  const row = db.prepare('SELECT at FROM events ORDER BY id DESC LIMIT 1').get() as { at: number } | undefined;
  return row?.at ?? null;
}
