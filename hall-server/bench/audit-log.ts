import { copyFileSync, rmSync } from 'node:fs';
import { AuditLog } from '../src/audit/audit-log';
import { openDatabase, type Db } from '../src/db/connection';
import { AuditStore } from '../src/db/audit-store';
import type { Benchmark } from './benchmark';
import type { Row } from './support/report';
import { medianMs } from './support/stats';
import { yearDatabase } from './year/year-database';

// 7. The audit log over the year of benchmark 3: the admin page's questions (a week, the whole
// year, one person's or one window's year, one rare kind's year) and the year's CSV. The
// baseline is the same question on a copy of the year without the audit's index (migration
// 014, events_at): what the index buys.

const TARGET_MS = 300;
const TIMEZONE = 'Asia/Shanghai';

async function csvOf(log: AuditLog, from: string, to: string): Promise<{ ms: number; bytes: number; rows: number }> {
  const started = performance.now();
  let bytes = 0;
  let rows = 0;
  for await (const chunk of log.csv({ from, to }, 'zh-CN')) {
    bytes += Buffer.byteLength(chunk);
    rows += chunk.split('\r\n').length - 1;
  }
  return { ms: performance.now() - started, bytes, rows: rows - 1 };
}

export const auditLogBenchmark: Benchmark = {
  name: 'audit',
  async run(options) {
    const year = await yearDatabase(options);
    const { firstDate, lastDate } = year.figures;
    const withoutIndex = `${year.path}.no-audit-indexes.db`;
    copyFileSync(year.path, withoutIndex);
    const bare = openDatabase(withoutIndex);
    bare.exec('DROP INDEX events_at; DROP INDEX events_actor; DROP INDEX events_kind');
    const db = openDatabase(year.path);
    const open = (d: Db) => new AuditLog(new AuditStore(d), () => TIMEZONE);
    const log = open(db);
    const baseline = open(bare);
    const events = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    const repeats = options.quick ? 3 : 7;
    const lastWeek = new Date(Date.parse(`${lastDate}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
    const questions = [
      { figure: 'audit page: the last week', query: { from: lastWeek, to: lastDate } },
      { figure: 'audit page: the whole year', query: { from: firstDate, to: lastDate } },
      { figure: 'audit page: one person’s year', query: { from: firstDate, to: lastDate, staffNo: '1003' } },
      { figure: 'audit page: one window’s year', query: { from: firstDate, to: lastDate, windowNo: 12 } },
      { figure: 'audit page: a rare kind’s year (follow_up.)', query: { from: firstDate, to: lastDate, kind: 'follow_up.' } },
    ];
    const rows: Row[] = questions.map(({ figure, query }) => {
      options.progress(figure);
      const reply = log.entries(query, 'zh-CN');
      return {
        figure,
        value: medianMs(repeats, () => log.entries(query, 'zh-CN')),
        unit: 'ms',
        baseline: medianMs(repeats, () => baseline.entries(query, 'zh-CN')),
        targets: [{ on: 'value', op: '<=', limit: TARGET_MS }],
        note: `median of ${repeats}; ${reply.entries.length} entries${reply.truncated ? ' (capped)' : ''} of ${events} events; baseline: the same without migration 014's indexes`,
      };
    });
    options.progress('the year as CSV');
    const csv = await csvOf(log, firstDate, lastDate);
    rows.push({
      figure: 'audit CSV of the whole year',
      value: csv.ms,
      unit: 'ms',
      note: `${csv.rows} rows, ${(csv.bytes / 2 ** 20).toFixed(1)} MB, read 1,000 rows a query with the hall's commands between`,
    });
    db.close();
    bare.close();
    rmSync(withoutIndex);
    return rows;
  },
};
