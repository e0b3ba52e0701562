import type { HallSnapshot } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { useHallAlerts, type HallLive } from './use-hall-live';

/** The live view's id in the bar (OFFICE_VIEWS). */
export const LIVE_VIEW_ID = 'live';

/** How often the bar's count looks at the clock: a wait or pause passing its limit shows within this. */
const COUNT_TICK_MS = 5_000;

/** The number of alerts on the live view's button, so the duty captain sees them from any view. */
export function LiveAlertCount({ snapshot, live }: { snapshot: HallSnapshot | null; live: HallLive | null }) {
  const { t } = useT();
  const { alerts } = useHallAlerts(snapshot, live, COUNT_TICK_MS);
  if (alerts.length === 0) return null;
  return (
    <span className="office-view-count" data-testid="live-alert-count">
      <span aria-hidden="true">{alerts.length}</span>
      <span className="office-visually-hidden">{t('live.alertCount', { count: alerts.length })}</span>
    </span>
  );
}
