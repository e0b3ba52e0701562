import { statSync } from 'node:fs';
import { openDatabase } from '../src/db/connection';
import { createHall } from '../src/runtime/hall';
import { HallRuntime } from '../src/runtime/hall-runtime';
import type { Benchmark } from './benchmark';
import type { Row } from './support/report';
import { medianMs, monthsOf, percentile } from './support/stats';
import { rssWithClients } from './year/memory-with-clients';
import { yearDatabase } from './year/year-database';

// 3. A year of the center through the domain core, then what the office asks of it: each
// month's report and the whole year's (the largest there is), the size of the file, and the
// server's memory holding the year with the hall's clients connected. The baseline of a
// report is the cheapest question over the same span, a bare count of its tickets: what no
// report can be faster than.

const REPORT_TARGET_MS = 300;
const RSS_TARGET_MB = 200;

/** The first and last service day of each calendar month in the year. */
const months = (first: string, last: string) => monthsOf(first, last).map((month) => ({ from: `${month}-01`, to: `${month}-31` }));

export const yearInTheHall: Benchmark = {
  name: 'year',
  async run(options) {
    const year = await yearDatabase(options);
    const { figures } = year;
    const db = openDatabase(year.path);
    const hall = createHall(new HallRuntime(db));
    const countSpan = db.prepare(`SELECT COUNT(*) FROM tickets WHERE service_date BETWEEN ? AND ?`).pluck();
    const repeats = options.quick ? 3 : 7;

    options.progress('timing the monthly reports and the year’s');
    const monthly = months(figures.firstDate, figures.lastDate).map((span) => ({
      reportMs: medianMs(repeats, () => hall.report(span.from, span.to)),
      countMs: medianMs(repeats, () => countSpan.get(span.from, span.to)),
    }));
    const busiest = monthly.reduce((a, b) => (b.reportMs > a.reportMs ? b : a));
    const wholeYear = {
      reportMs: medianMs(repeats, () => hall.report(figures.firstDate, figures.lastDate)),
      countMs: medianMs(repeats, () => countSpan.get(figures.firstDate, figures.lastDate)),
    };
    const report = hall.report(figures.firstDate, figures.lastDate);
    db.close();
    // Timing reports over an empty file would measure nothing.
    const stored = report.issued;
    if (stored !== figures.tickets) throw new Error(`the year's file holds ${stored} tickets, not the ${figures.tickets} generated`);
    const sizeMb = statSync(year.path).size / 2 ** 20;
    options.progress('the server on the year with 300 clients, then bare socket.io with the same clients');
    const memory = await rssWithClients(year.path, options.quick);
    const satisfied = report.satisfaction.satisfactionRate ?? 0;

    const rows: Row[] = [
      {
        figure: 'year generated through the domain core',
        value: figures.tickets / (year.generateMs / 1000),
        unit: 'tickets/s',
        note: `${figures.days} working days, ${figures.tickets} tickets, ${report.noShows} no-shows, ${figures.ratings} ratings (${(satisfied * 100).toFixed(1)}% satisfied), ${figures.followUps} follow-ups, in ${(year.generateMs / 1000).toFixed(1)} s`,
      },
      {
        figure: 'monthly report, slowest month',
        value: busiest.reportMs,
        unit: 'ms',
        baseline: busiest.countMs,
        targets: [{ on: 'value', op: '<=', limit: REPORT_TARGET_MS }],
        note: `median of ${repeats}; ${monthly.length} months, median month ${percentile(monthly.map((m) => m.reportMs), 50).toFixed(1)} ms; baseline: a bare count of the month's tickets`,
      },
      {
        figure: 'report over the whole year',
        value: wholeYear.reportMs,
        unit: 'ms',
        baseline: wholeYear.countMs,
        targets: [{ on: 'value', op: '<=', limit: REPORT_TARGET_MS }],
        note: `median of ${repeats}; by window and by staff, ${report.satisfaction.served} served; baseline: a bare count of the year's tickets`,
      },
      {
        figure: 'database size after the year',
        value: sizeMb,
        unit: 'MB',
        note: `${((sizeMb * 2 ** 20) / figures.tickets / 1024).toFixed(2)} KB a ticket, event log and ratings included`,
      },
      {
        figure: `server memory (RSS), year loaded, ${memory.clients} clients`,
        value: memory.hallMb,
        unit: 'MB',
        baseline: memory.bareMb,
        targets: [{ on: 'value', op: '<=', limit: RSS_TARGET_MB }],
        note: 'baseline: a bare socket.io server in the same kind of process with the same clients',
      },
    ];
    return rows;
  },
};
