import { useCallback } from 'react';
import type { FollowUpView } from '@hall/shared';
import type { DateRange, OfficeApi } from './office-api';
import { useRangeLoad } from './use-range-load';

// Two lists: every follow-up still open, whatever day it was opened (the duty captain's work,
// which must not drop out of sight when the day turns), and every follow-up of the span the
// figures show (全部, bounded so years of them are never listed at once).

export interface FollowUpLists {
  open: FollowUpView[];
  inRange: FollowUpView[];
}

async function loadLists(office: OfficeApi, range: DateRange): Promise<FollowUpLists> {
  const [open, inRange] = await Promise.all([office.followUps('open'), office.followUps('all', range)]);
  return { open, inRange };
}

export function useFollowUps(office: OfficeApi, range: DateRange | null) {
  const { value: lists, problem, refresh, put } = useRangeLoad(office, range, loadLists);

  /** A step just recorded here shows at once; a list on its way from before it is dropped. */
  const update = useCallback(
    (followUp: FollowUpView) => {
      const replace = (list: FollowUpView[]) => list.map((f) => (f.id === followUp.id ? followUp : f));
      put(
        (current) =>
          current && {
            open: followUp.status === 'closed' ? current.open.filter((f) => f.id !== followUp.id) : replace(current.open),
            inRange: replace(current.inRange),
          },
      );
    },
    [put],
  );

  return { lists, problem, refresh, update };
}
