import type { Db } from './connection';

// Each closed service day's report rows (migration 019), written once by the hall runtime
// (services/report-days.ts) and read by the span and monthly reports.

export type ReportDimension = 'common' | 'window' | 'category' | 'staff';

export interface WrittenDay {
  json: string;
  lists: Buffer | null;
}

export class ReportDayStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      read: db.prepare(`SELECT service_date, rows, lists FROM report_days WHERE service_date BETWEEN @from AND @to AND dimension = @dimension AND version = @version`).raw(),
      // Rows of every dimension are written together: a day with its 'common' row has them all.
      unrolled: db
        .prepare(`
          SELECT d.service_date FROM service_days d
          WHERE d.service_date < @before AND NOT EXISTS (
            SELECT 1 FROM report_days r WHERE r.service_date = d.service_date AND r.dimension = 'common' AND r.version = @version)
          ORDER BY 1 LIMIT @limit`)
        .pluck(),
      put: db.prepare(`INSERT OR REPLACE INTO report_days (service_date, dimension, version, rows, lists) VALUES (?, ?, ?, ?, ?)`),
    };
  }

  /** The span's days written at `version` in `dimension`: date to its rows (JSON) and lists. */
  read(from: string, to: string, dimension: ReportDimension, version: number): Map<string, WrittenDay> {
    const rows = this.statements.read.all({ from, to, dimension, version }) as [string, string, Buffer | null][];
    return new Map(rows.map(([date, json, lists]) => [date, { json, lists }]));
  }

  /** Service days before `before` not yet written at `version`, oldest first, at most `limit`. */
  unrolled(before: string, version: number, limit: number): string[] {
    return this.statements.unrolled.all({ before, version, limit }) as string[];
  }

  put(date: string, dimension: ReportDimension, version: number, rows: unknown, lists: Float64Array | null = null): void {
    this.statements.put.run(date, dimension, version, JSON.stringify(rows), lists && Buffer.from(lists.buffer, lists.byteOffset, lists.byteLength));
  }
}
