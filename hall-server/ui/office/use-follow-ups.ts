import { useCallback, useEffect, useRef, useState } from 'react';
import type { FollowUpView } from '@hall/shared';
import type { DateRange, OfficeApi } from './office-api';

// Two lists: every follow-up still open, whatever day it was opened (the duty captain's work,
// which must not drop out of sight when the day turns), and every follow-up of the span the
// figures show (全部, bounded so years of them are never listed at once).

export interface FollowUpLists {
  open: FollowUpView[];
  inRange: FollowUpView[];
}

export function useFollowUps(office: OfficeApi, range: DateRange | null) {
  const [lists, setLists] = useState<FollowUpLists | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const latest = useRef(0);
  const from = range?.from;
  const to = range?.to;

  const refresh = useCallback(() => {
    if (from === undefined || to === undefined) return;
    const request = ++latest.current;
    Promise.all([office.followUps('open'), office.followUps('all', { from, to })]).then(
      ([open, inRange]) => {
        if (request !== latest.current) return;
        setLists({ open, inRange });
        setProblem(null);
      },
      (error: unknown) => request === latest.current && setProblem(error),
    );
  }, [office, from, to]);

  useEffect(refresh, [refresh]);

  /** A step just recorded here shows at once; a list on its way from before it is dropped. */
  const update = useCallback((followUp: FollowUpView) => {
    latest.current++;
    const replace = (list: FollowUpView[]) => list.map((f) => (f.id === followUp.id ? followUp : f));
    setLists(
      (current) =>
        current && {
          open: followUp.status === 'closed' ? current.open.filter((f) => f.id !== followUp.id) : replace(current.open),
          inRange: replace(current.inRange),
        },
    );
  }, []);

  return { lists, problem, refresh, update };
}
