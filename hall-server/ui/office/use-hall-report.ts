import { useCallback, useEffect, useRef, useState } from 'react';
import type { HallReport } from '@hall/shared';
import type { DateRange, OfficeApi } from './office-api';

/** The hall's report over a span; the latest request wins when the span changes quickly. */
export function useHallReport(office: OfficeApi, range: DateRange | null) {
  const [report, setReport] = useState<HallReport | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const latest = useRef(0);
  const from = range?.from;
  const to = range?.to;

  const refresh = useCallback(() => {
    if (from === undefined || to === undefined) return;
    const request = ++latest.current;
    office.report({ from, to }).then(
      (reply) => {
        if (request !== latest.current) return;
        setReport(reply);
        setProblem(null);
      },
      (error: unknown) => request === latest.current && setProblem(error),
    );
  }, [office, from, to]);

  useEffect(refresh, [refresh]);
  return { report, problem, refresh };
}
