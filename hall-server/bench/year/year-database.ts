import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from '../benchmark';
import { TICKETS_PER_YEAR, WORKING_DAYS_PER_YEAR } from './hall-load';
import { generateYear, type YearFigures } from './generate-year';

// The year is generated once per run and shared by the benchmarks that read it (the year's
// reports, the cold start); the quick run generates a week.

export interface YearDatabase {
  path: string;
  figures: YearFigures;
  generateMs: number;
}

let generated: Promise<YearDatabase> | null = null;

export function yearDatabase(options: BenchOptions): Promise<YearDatabase> {
  generated ??= (async () => {
    const days = options.quick ? 5 : WORKING_DAYS_PER_YEAR;
    options.progress(`generating ${days} working days of the hall through the domain core…`);
    const path = join(mkdtempSync(join(tmpdir(), 'hall-year-')), 'hall.db');
    const started = performance.now();
    const figures = await generateYear(path, { days, ticketsPerDay: TICKETS_PER_YEAR / WORKING_DAYS_PER_YEAR });
    const generateMs = performance.now() - started;
    options.progress(`${figures.tickets} tickets, ${figures.ratings} ratings, ${figures.followUps} follow-ups in ${(generateMs / 1000).toFixed(1)} s`);
    return { path, figures, generateMs };
  })();
  return generated;
}
