import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connection';
import { monthlyCsv } from '../src/exports/monthly-csv';
import { monthlyXlsx } from '../src/exports/monthly-workbook';
import { createHall } from '../src/runtime/hall';
import { HallRuntime } from '../src/runtime/hall-runtime';
import { ROLLUP_DAYS_PER_TURN } from '../src/runtime/report-rollup';
import { previousMonth } from '@hall/shared';
import type { Benchmark } from './benchmark';
import { generateReportData } from './support/report-data';
import type { Row } from './support/report';
import { medianMs, percentile } from './support/stats';

// 10. The monthly window report's (月度通报) files over a year of the center's load (85,000
// tickets written straight into the tables, bench/support/report-data.ts): what
// GET /api/reports/monthly.xlsx does (the month's report, then the workbook), the workbook
// alone, and the CSV file. Baseline: a bare count of the same month's tickets, in the same run.

const TARGET_MS = 2_000;
const YEAR_DAYS = 250;
/** Quick: two months, enough for a month and the one before it. */
const QUICK_DAYS = 44;

/** The median of `times` runs of something that answers a promise (the workbook is written asynchronously). */
async function medianAsyncMs(times: number, run: () => Promise<unknown>): Promise<number> {
  const spans: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    spans.push(performance.now() - started);
  }
  return percentile(spans, 50);
}

export const monthlyExportBenchmark: Benchmark = {
  name: 'monthly-export',
  async run(options) {
    const dir = mkdtempSync(join(tmpdir(), 'hall-bench-monthly-'));
    try {
      const days = options.quick ? QUICK_DAYS : YEAR_DAYS;
      options.progress(`writing ${days} working days of the center's load`);
      const data = await generateReportData(join(dir, 'hall.db'), { days });
      const db = openDatabase(data.path);
      const hall = createHall(new HallRuntime(db));
      // The closed days' report rows, as the runtime writes them on start (runtime/report-rollup.ts).
      options.progress('writing the closed days\' report rows');
      while (hall.rollUpClosedDays(ROLLUP_DAYS_PER_TURN) > 0);
      // The year's last whole month: the one before the month its last day falls in.
      const month = previousMonth(data.lastDate.slice(0, 7));
      const count = db.prepare(`SELECT COUNT(*) FROM tickets WHERE service_date BETWEEN ? AND ?`).pluck();
      const bareCount = () => count.get(`${month}-01`, `${month}-31`);
      const repeats = options.quick ? 3 : 7;
      const tickets = bareCount() as number;
      const hallName = hall.hallName();

      options.progress(`the ${month} report and its workbook`);
      const report = hall.monthlyReport(month);
      const bytes = (await monthlyXlsx(report, hallName, 'zh-CN')).length;
      const baseline = medianMs(repeats, bareCount);
      const rows: Row[] = [
        {
          figure: `月度通报 XLSX (${month}): the report and the workbook`,
          value: await medianAsyncMs(repeats, async () => monthlyXlsx(hall.monthlyReport(month), hallName, 'zh-CN')),
          unit: 'ms',
          baseline,
          targets: [{ on: 'value', op: '<=', limit: TARGET_MS }],
          note: `median of ${repeats}; ${tickets} tickets in the month of ${data.tickets} written; ${report.windows.length} windows, ${(bytes / 1024).toFixed(0)} KB; baseline: a bare count of the month's tickets`,
        },
        {
          figure: `月度通报 XLSX (${month}): the workbook alone`,
          value: await medianAsyncMs(repeats, () => monthlyXlsx(report, hallName, 'zh-CN')),
          unit: 'ms',
          note: `median of ${repeats}; five sheets from the month's report`,
        },
        {
          figure: `月度通报 CSV (${month}): the report and the file`,
          value: medianMs(repeats, () => monthlyCsv(hall.monthlyReport(month), 'zh-CN')),
          unit: 'ms',
          baseline,
          targets: [{ on: 'value', op: '<=', limit: TARGET_MS }],
          note: `median of ${repeats}; baseline: a bare count of the month's tickets`,
        },
      ];
      db.close();
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
