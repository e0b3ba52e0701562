import { useEffect, useState } from 'react';

/**
 * What `load()` gives, asked again whenever `key` changes; an answer to an older key is dropped,
 * so a quick change of month or span is never undone by a slow reply. `load` is read on each
 * key change only.
 */
export function useLatestLoad<T>(key: string | null, load: () => Promise<T>): { value: T | null; problem: unknown; loading: boolean } {
  const [state, setState] = useState<{ key: string | null; value: T | null; problem: unknown }>({ key: null, value: null, problem: null });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    load().then(
      (value) => current && setState({ key, value, problem: null }),
      (problem: unknown) => current && setState((s) => ({ key, value: s.value, problem })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new key is the only reason to ask again
  }, [key]);
  return { value: state.value, problem: state.problem, loading: key !== null && state.key !== key };
}
