import { z } from 'zod';

// A span of the hall's service days (local dates, both included), as every report and list asks.

/**
 * A date the hall can have served or be about to serve: 2000 to 2099. Years outside it are a
 * typo (0026 for 2026) or a probe, and past 9999 dates stop being YYYY-MM-DD at all.
 */
export const HallDate = z.iso.date().refine((date) => date >= '2000-01-01' && date <= '2099-12-31', 'a date from 2000 to 2099');

/** At most this many days in one span (five years and a little): a report over more is refused. */
export const SPAN_MAX_DAYS = 1900;

interface Span {
  from: string;
  to: string;
}

const daysBetween = ({ from, to }: Span) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** `from` and `to` (YYYY-MM-DD, both included) beside the query's other fields. */
export function spanQuery<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .strictObject({ from: HallDate, to: HallDate, ...shape })
    .refine((q) => daysBetween(q as Span) >= 0, { message: 'from must not be after to', path: ['to'] })
    .refine((q) => daysBetween(q as Span) < SPAN_MAX_DAYS, { message: `a span is at most ${SPAN_MAX_DAYS} days`, path: ['to'] });
}
