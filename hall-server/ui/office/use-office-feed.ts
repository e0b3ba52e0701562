import { useCallback, useEffect, useRef } from 'react';
import { FollowUpView, type ServerEventName } from '@hall/shared';
import { useHallFeed, useLatest } from '@hall/shared/ui';

interface Handlers {
  /** A poor rating just opened a follow-up. */
  onFollowUpOpened(followUp: FollowUpView): void;
  /** Anything may have changed: reconnected, or the service day turned over. */
  onSnapshot(): void;
  /** Tickets were issued, called or finished, or a visitor rated: the figures moved. */
  onQueueMoved(): void;
  /** Someone (perhaps another office page) recorded a call-back or a fix. */
  onFollowUpChanged(): void;
  /** The server closed or refused the line: the session may have ended (a logout elsewhere, idle). */
  onRefused(): void;
  /** A kiosk or pad connected or lost its line (the live view, issue 16). */
  onDevicePresence(): void;
}

/** Looking again after the queue moved waits this long, so a busy hall costs one report, not dozens. */
const QUEUE_SETTLE_MS = 3_000;

/** The office's line to the hall: the snapshot (service date, time zone) and what to look at again. */
export function useOfficeFeed(token: string, handlers: Handlers) {
  const latest = useLatest(handlers);
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
    } else if (event === 'follow-up:changed') {
      latest.current.onFollowUpChanged();
    } else if (event === 'device:presence') {
      latest.current.onDevicePresence();
    } else if ((event === 'queue:changed' || event === 'window:changed' || event === 'evaluation:recorded') && settle.current === null) {
      settle.current = setTimeout(() => {
        settle.current = null;
        latest.current.onQueueMoved();
      }, QUEUE_SETTLE_MS);
    }
  }, [latest]);

  useEffect(
    () => () => {
      if (settle.current !== null) clearTimeout(settle.current);
    },
    [],
  );

  // The token lets the server put this page among those that hear of follow-ups; it closes the line when the session ends.
  return useHallFeed(window.location.origin, { client: 'admin', token }, onEvent, handlers.onRefused);
}
