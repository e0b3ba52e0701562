import type { Month, MonthlyReport, SummaryQuery, SummaryReport } from '@hall/shared';
import type { HallRuntime } from '../runtime/hall-runtime';
import { monthlyReport, type MonthSetting } from '../services/monthly-report';
import { summaryReport } from '../services/span-report';

// The office's reports (issue 16): any span by window, department, category or staff member,
// and the monthly window report (月度通报). Read-only; docs/REPORTS.md says how each is counted.

function setting(rt: HallRuntime): MonthSetting {
  return { settings: rt.state.setup.settings, today: rt.today(), now: rt.now(), lastSittings: (asOf) => rt.stores.leaderDuty.lastSittings(asOf) };
}

export const reportQueries = (rt: HallRuntime) => ({
  /** `GET /api/reports/summary`: the span's figures by window, department, category or staff member, and the hall's. */
  summaryReport: (query: SummaryQuery): SummaryReport => summaryReport(rt.stores.spanReports, rt.stores.reportDays, query, setting(rt)),
  /** `GET /api/reports/monthly`: the month's windows ranked, its departments, staff and charts (`month`: YYYY-MM). */
  monthlyReport: (month: Month): MonthlyReport => monthlyReport(rt.stores.spanReports, rt.stores.reportDays, month, setting(rt)),
});
