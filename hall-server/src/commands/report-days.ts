import type { HallRuntime } from '../runtime/hall-runtime';
import { REPORT_DAYS_VERSION, rollUpDay } from '../services/report-days';
import { readNames } from '../services/span-report';

// The reports' closed days written once (services/report-days.ts, migration 019).

export const reportDayCommands = (rt: HallRuntime) => ({
  /**
   * Writes the report rows of up to `limit` closed service days not yet written, oldest first;
   * how many it wrote. A day is closed once the next one opened (its pending ratings then became
   * 未评价) and it is before today.
   */
  rollUpClosedDays(limit: number): number {
    const today = rt.today();
    const open = rt.state.serviceDate;
    const before = open !== null && open < today ? open : today;
    const dates = rt.stores.reportDays.unrolled(before, REPORT_DAYS_VERSION, limit);
    if (dates.length === 0) return 0;
    const store = rt.stores.spanReports;
    const names = readNames(store);
    const setting = { settings: rt.state.setup.settings, today, now: rt.now() };
    rt.write(() => {
      for (const date of dates) rollUpDay(store, rt.stores.reportDays, date, setting, names);
    });
    return dates.length;
  },
});
