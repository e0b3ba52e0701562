import { useCallback, useEffect, useRef, useState } from 'react';
import type { DateRange, OfficeApi } from './office-api';

/**
 * What `load` gives for a span, asked again by `refresh` and whenever the span or the session
 * changes. Only the latest request counts: a quick change of span, or a value just put in
 * place, is not undone by an answer still on its way. `load` must not change between renders.
 */
export function useRangeLoad<T>(office: OfficeApi, range: DateRange | null, load: (office: OfficeApi, range: DateRange) => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const latest = useRef(0);
  const from = range?.from;
  const to = range?.to;

  const refresh = useCallback(() => {
    if (from === undefined || to === undefined) return;
    const request = ++latest.current;
    load(office, { from, to }).then(
      (reply) => {
        if (request !== latest.current) return;
        setValue(reply);
        setProblem(null);
      },
      (error: unknown) => request === latest.current && setProblem(error),
    );
  }, [office, from, to, load]);

  useEffect(refresh, [refresh]);

  const put = useCallback((update: (value: T | null) => T | null) => {
    latest.current++;
    setValue(update);
  }, []);

  return { value, problem, refresh, put };
}
