import { useCallback, useEffect, useRef } from 'react';
import { FollowUpView, type ServerEventName } from '@hall/shared';
import { useHallFeed } from '@hall/shared/ui';

interface Handlers {
  /** A poor rating just opened a follow-up. */
  onFollowUpOpened(followUp: FollowUpView): void;
  /** Anything may have changed: reconnected, or the service day turned over. */
  onSnapshot(): void;
  /** Tickets were issued, called or finished: the figures moved. */
  onQueueMoved(): void;
  /** Ratings and other captains' records reach no office page by event: look again now and then. */
  onIdle(): void;
}

/** Looking again after the queue moved waits this long, so a busy hall costs one report, not dozens. */
const QUEUE_SETTLE_MS = 3_000;
const IDLE_REFRESH_MS = 30_000;

/** The office's line to the hall: the snapshot (service date, time zone) and what to look at again. */
export function useOfficeFeed(handlers: Handlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const snapshotSeen = useRef(false);

  const onEvent = useCallback((event: ServerEventName, payload: unknown) => {
    if (event === 'follow-up:opened') {
      const parsed = FollowUpView.safeParse((payload as { followUp?: unknown } | null)?.followUp);
      if (parsed.success) latest.current.onFollowUpOpened(parsed.data);
    } else if (event === 'hall:snapshot') {
      // The first one only tells the service day, and that starts the first look by itself.
      if (snapshotSeen.current) latest.current.onSnapshot();
      snapshotSeen.current = true;
    } else if ((event === 'queue:changed' || event === 'window:changed') && settle.current === null) {
      settle.current = setTimeout(() => {
        settle.current = null;
        latest.current.onQueueMoved();
      }, QUEUE_SETTLE_MS);
    }
  }, []);

  useEffect(() => {
    const timer = setInterval(() => latest.current.onIdle(), IDLE_REFRESH_MS);
    return () => {
      clearInterval(timer);
      if (settle.current !== null) clearTimeout(settle.current);
    };
  }, []);

  return useHallFeed(window.location.origin, { client: 'admin' }, onEvent);
}
