import { useCallback, useEffect, useRef, useState } from 'react';
import { WindowSummaryReply, type ApiClient, type Locale, type TicketView, type WindowView } from '@hall/shared';

export interface WindowSummaryView {
  summary: WindowSummaryReply | null;
  /** Fetch again (coalesced: at most one request in flight, one more queued). */
  refresh(): void;
  /** An action's reply, shown at once; older summaries still in flight are dropped. */
  applyAction(window: WindowView, ticket: TicketView | null): void;
}

/** The window's day as `GET /api/windows/:no` tells it, kept current by whoever calls refresh. */
export function useWindowSummary(api: ApiClient, windowNo: number, locale: Locale): WindowSummaryView {
  const [summary, setSummary] = useState<WindowSummaryReply | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  /** Bumped by every action reply: a summary asked for before it may predate the action. */
  const epoch = useRef(0);
  const alive = useRef(true);

  const refresh = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const startedAt = epoch.current;
    api
      .request('GET', `/api/windows/${windowNo}`, WindowSummaryReply, { locale })
      .then(
        (reply) => {
          if (alive.current && startedAt === epoch.current) setSummary(reply);
          else if (startedAt !== epoch.current) again.current = true;
        },
        // The feed's snapshot on reconnect asks again too; this covers a first fetch that failed.
        () => {
          // Asks again through itself: the same callback, as long as the window and language stand.
          // eslint-disable-next-line react-hooks/immutability
          setTimeout(() => alive.current && refresh(), 2000);
        },
      )
      .finally(() => {
        inFlight.current = false;
        if (alive.current && again.current) {
          again.current = false;
          refresh();
        }
      });
  }, [api, windowNo, locale]);

  const applyAction = useCallback(
    (window: WindowView, ticket: TicketView | null) => {
      epoch.current++;
      setSummary((s) => {
        if (s === null) return s;
        const current = window.servingTicketId === null ? null : ticket?.id === window.servingTicketId ? ticket : s.current;
        return { ...s, window, current };
      });
      refresh();
    },
    [refresh],
  );

  useEffect(() => {
    alive.current = true;
    refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  return { summary, refresh, applyAction };
}
