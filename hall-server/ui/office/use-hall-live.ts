import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { hallAlerts, retryUntilDone, type HallAlert, type HallSnapshot, type OfficeLiveReply } from '@hall/shared';
import { useNow } from '@hall/shared/ui';
import type { OfficeApi } from './office-api';

// The office's live view of the hall (issue 16, H3). The desk reads what the snapshot lacks
// (GET /api/office/live) whenever the snapshot's windows, queues or set-up change or a device's
// line does, and hands it to the live view and to the count on the bar's button through a
// context; both decide the alerts from it and the clock, so time alone raises them too.

export interface HallLive {
  reply: OfficeLiveReply;
  /** How far the server's clock is ahead of this PC's, measured as the reply arrived. */
  clockOffsetMs: number;
}

/** Changes come in bursts (a call moves a queue and a window): one read after they settle. */
const SETTLE_MS = 250;

export function useHallLive(office: OfficeApi, snapshot: HallSnapshot | null, devicesMoved: number): HallLive | null {
  const [live, setLive] = useState<HallLive | null>(null);
  const windows = snapshot?.windows;
  const categories = snapshot?.categories;
  const setupVersion = snapshot?.setupVersion;
  const serviceDate = snapshot?.serviceDate;
  useEffect(() => {
    if (windows === undefined) return;
    // A newer change stops this read: its answer, even one arriving later, changes nothing. A failed read is tried again.
    const stop = { stopped: false };
    const timer = setTimeout(() => {
      void retryUntilDone(() => office.live(), { signal: stop }).then((reply) => setLive({ reply, clockOffsetMs: Date.parse(reply.at) - Date.now() }));
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      stop.stopped = true;
    };
  }, [office, windows, categories, setupVersion, serviceDate, devicesMoved]);
  return live;
}

export const HallLiveContext = createContext<HallLive | null>(null);

export function useHallLiveContext(): HallLive | null {
  return useContext(HallLiveContext);
}

/** The hall's time now (the server's clock), ticking every `everyMs`, and the alerts as of then. */
export function useHallAlerts(snapshot: HallSnapshot | null, live: HallLive | null, everyMs: number): { now: number; alerts: HallAlert[] } {
  const now = useNow(everyMs) + (live?.clockOffsetMs ?? 0);
  const alerts = useMemo(
    () => (snapshot === null || live === null ? [] : hallAlerts({ now, hall: snapshot, windows: snapshot.windows, waiting: snapshot.categories, live: live.reply })),
    [now, snapshot, live],
  );
  return { now, alerts };
}
