import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportBy } from '@hall/shared';
import { openDatabase } from '../src/db/connection';
import { createHall } from '../src/runtime/hall';
import { HallRuntime } from '../src/runtime/hall-runtime';
import type { Benchmark, BenchOptions } from './benchmark';
import { generateReportData, type ReportData } from './support/report-data';
import type { Row } from './support/report';
import { medianMs, monthsOf } from './support/stats';

// 9. The office's reports (issue 16) over a year of the center's load (85,000 tickets) and
// over five years (425,000), written straight into the tables (support/report-data.ts): the
// monthly window report (月度通报, which also folds the month before for its changes) and the
// span report by window, department, category and staff member. The baseline of each is a bare
// COUNT(*) of the same span's tickets: the cheapest question over the same rows.

const YEAR_TARGET_MS = 300;
const FIVE_YEARS_TARGET_MS = 1000;
/** After every generated day: what is "today" decides nothing the reports time. */
const NOW = Date.parse('2027-06-01T12:00:00+08:00');

interface Hold {
  data: ReportData;
  dir: string;
}

async function generate(options: BenchOptions, label: string, days: number, startAfter: string): Promise<Hold> {
  options.progress(`writing ${label}: ${days} working days of 340 tickets…`);
  const dir = mkdtempSync(join(tmpdir(), 'hall-reports-'));
  const data = await generateReportData(join(dir, 'hall.db'), { days, startAfter });
  options.progress(`${data.tickets} tickets (${data.served} served) in ${(data.generateMs / 1000).toFixed(1)} s`);
  return { data, dir };
}

function timeReports(options: BenchOptions, hold: Hold, label: string, targetMs: number, months: readonly string[]): Row[] {
  const { data } = hold;
  const db = openDatabase(data.path);
  const hall = createHall(new HallRuntime(db, { clock: { now: () => NOW } }));
  const count = db.prepare(`SELECT COUNT(*) FROM tickets WHERE service_date BETWEEN ? AND ?`).pluck();
  const repeats = options.quick ? 3 : 7;
  const rows: Row[] = [];
  try {
    options.progress(`timing the monthly report over ${label}`);
    const monthly = months.map((month) => {
      const [from, to] = [`${month}-01`, `${month}-31`];
      return { month, reportMs: medianMs(repeats, () => hall.monthlyReport(month)), countMs: medianMs(repeats, () => count.get(from, to)) };
    });
    const slowest = monthly.reduce((a, b) => (b.reportMs > a.reportMs ? b : a));
    rows.push({
      figure: `monthly report (${label}), slowest month`,
      value: slowest.reportMs,
      unit: 'ms',
      baseline: slowest.countMs,
      targets: [{ on: 'value', op: '<=', limit: targetMs }],
      note: `median of ${repeats}; ${monthly.length} months, slowest ${slowest.month}, with the month before for the changes; baseline: a bare count of the month's tickets`,
    });
    const spanCount = medianMs(repeats, () => count.get(data.firstDate, data.lastDate));
    for (const by of ReportBy.options) {
      options.progress(`timing the span report by ${by} over ${label}`);
      const report = hall.summaryReport({ from: data.firstDate, to: data.lastDate, by });
      // Timing reports that miss the rows would measure nothing.
      if (report.hall.issued !== data.tickets) throw new Error(`the report counts ${report.hall.issued} tickets, not the ${data.tickets} written`);
      rows.push({
        figure: `span report by ${by} over ${label}`,
        value: medianMs(repeats, () => hall.summaryReport({ from: data.firstDate, to: data.lastDate, by })),
        unit: 'ms',
        baseline: spanCount,
        targets: [{ on: 'value', op: '<=', limit: targetMs }],
        note: `median of ${repeats}; ${data.firstDate}..${data.lastDate}, ${report.rows.length} rows, ${report.hall.served} served; baseline: a bare count of the span's tickets`,
      });
    }
  } finally {
    db.close();
  }
  return rows;
}

export const reports: Benchmark = {
  name: 'reports',
  async run(options) {
    const rows: Row[] = [];
    const year = await generate(options, 'a year', options.quick ? 5 : 250, '2025-12-31');
    try {
      rows.push(...timeReports(options, year, 'a year', YEAR_TARGET_MS, monthsOf(year.data.firstDate, year.data.lastDate)));
    } finally {
      rmSync(year.dir, { recursive: true, force: true });
    }
    const five = await generate(options, 'five years', options.quick ? 20 : 1250, '2021-12-31');
    try {
      rows.push(...timeReports(options, five, 'five years', FIVE_YEARS_TARGET_MS, [five.data.lastDate.slice(0, 7)]));
    } finally {
      rmSync(five.dir, { recursive: true, force: true });
    }
    return rows;
  },
};
