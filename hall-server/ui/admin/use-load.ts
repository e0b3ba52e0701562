import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * What `load` answers, asked at once and again by `refresh` (which resolves when the answer is
 * in). Only the latest request counts: an answer still on its way never undoes a newer one.
 * `load` must change only when what it asks for changes (useCallback).
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const latest = useRef(0);
  const refresh = useCallback(() => {
    const request = ++latest.current;
    return load().then(
      (reply) => {
        if (request !== latest.current) return;
        setValue(reply);
        setProblem(null);
      },
      (error: unknown) => {
        if (request === latest.current) setProblem(error);
      },
    );
  }, [load]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { value, problem, refresh };
}
