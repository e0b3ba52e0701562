import { useCallback, useEffect, useRef } from 'react';
import { WindowSummaryReply, type ApiClient, type Locale } from '@hall/shared';
import { useLatest } from '@hall/shared/ui';
import { isSessionGone } from './console-session';

export interface WindowSummaryFeed {
  /** Fetch again (coalesced: at most one request in flight, one more queued). */
  refresh(): void;
  /** An action's reply is shown: summaries asked for before it may predate it, so they are dropped. */
  replied(): void;
}

interface Options {
  api: ApiClient;
  windowNo: number;
  token: string;
  locale: Locale;
  onSummary(summary: WindowSummaryReply): void;
  onSessionGone(): void;
}

/** The window's day as `GET /api/windows/:no` tells its signed-in staff, fetched whenever asked. */
export function useWindowSummary({ api, windowNo, token, locale, onSummary, onSessionGone }: Options): WindowSummaryFeed {
  const inFlight = useRef(false);
  const again = useRef(false);
  /** Bumped by every action reply: a summary asked for before it may predate the action. */
  const epoch = useRef(0);
  const alive = useRef(true);
  const latest = useLatest({ onSummary, onSessionGone });

  const refresh = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const startedAt = epoch.current;
    api
      .request('GET', `/api/windows/${windowNo}`, WindowSummaryReply, { token, locale })
      .then(
        (reply) => {
          if (alive.current && startedAt === epoch.current) latest.current.onSummary(reply);
          else if (startedAt !== epoch.current) again.current = true;
        },
        (error) => {
          if (!alive.current) return;
          if (isSessionGone(error)) return latest.current.onSessionGone();
          // The feed's snapshot on reconnect asks again too; this covers a first fetch that failed.
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
  }, [api, windowNo, token, locale, latest]);

  const replied = useCallback(() => {
    epoch.current++;
    refresh();
  }, [refresh]);

  useEffect(() => {
    alive.current = true;
    refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  return { refresh, replied };
}
