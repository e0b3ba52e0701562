import type { DateRange, OfficeApi } from './office-api';
import { useRangeLoad } from './use-range-load';

const loadReport = (office: OfficeApi, range: DateRange) => office.report(range);

/** The hall's report over a span. */
export function useHallReport(office: OfficeApi, range: DateRange | null) {
  const { value: report, problem, refresh } = useRangeLoad(office, range, loadReport);
  return { report, problem, refresh };
}
