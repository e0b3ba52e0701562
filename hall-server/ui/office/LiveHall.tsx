import { problemText, useT } from '@hall/shared/ui';
import { LiveAlerts } from './LiveAlerts';
import { LiveDevices } from './LiveDevices';
import { LiveDuty } from './LiveDuty';
import { LiveQueues } from './LiveQueues';
import { LiveWindows } from './LiveWindows';
import type { OfficeViewProps } from './office-views';
import { useHallAlerts, useHallLiveContext } from './use-hall-live';

/** Durations on the view (a call's, a pause's) count by the second. */
const VIEW_TICK_MS = 1_000;

/**
 * 大厅实况 (issue 16, H3): what the duty captain must act on, then every window, every queue, who is
 * on duty and the kiosks' and pads' troubles, as the office's live line tells them.
 */
export function LiveHall({ snapshot, timezone, office, notify }: OfficeViewProps) {
  const { t } = useT();
  const live = useHallLiveContext();
  const { now, alerts } = useHallAlerts(snapshot, live, VIEW_TICK_MS);
  if (snapshot === null || live === null) {
    return (
      <main className="office-view">
        <p className="office-empty">{t('live.loading')}</p>
      </main>
    );
  }
  const helpHandled = (id: string) => void office.helpHandled(id).catch((error: unknown) => notify({ kind: 'error', text: problemText(error, t) }));
  return (
    <main className="office-view live" data-testid="live-hall">
      <LiveAlerts alerts={alerts} live={live.reply} />
      <div className="live-columns">
        <LiveWindows windows={snapshot.windows} live={live.reply} now={now} timezone={timezone} late={new Set(alerts.flatMap((a) => (a.kind === 'long_pause' ? [a.windowNo] : [])))} />
        <div className="live-side">
          <LiveQueues snapshot={snapshot} live={live.reply} now={now} alerts={alerts} />
          <LiveDuty duty={snapshot.duty} />
          <LiveDevices snapshot={snapshot} live={live.reply} now={now} onHelpHandled={helpHandled} />
        </div>
      </div>
    </main>
  );
}
