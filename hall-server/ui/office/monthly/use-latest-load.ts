import { problemText, useT } from '@hall/shared/ui';
import { useEffect, useState } from 'react';
import type { Notice } from '../OfficeNotices';

/**
 * What `load()` gives, asked again whenever `key` changes; an answer to an older key is dropped,
 * so a quick change of month or span is never undone by a slow reply. `load` is read on each
 * key change only. A failed load is told in the office's notice strip.
 */
export function useLatestLoad<T>(key: string | null, load: () => Promise<T>, notify: (notice: Notice) => void): { value: T | null; loading: boolean } {
  const { t } = useT();
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
  const { problem } = state;
  useEffect(() => {
    if (problem !== null) notify({ kind: 'error', text: t('office.loadProblem', { problem: problemText(problem, t) }) });
  }, [problem, notify, t]);
  return { value: state.value, loading: key !== null && state.key !== key };
}
