import { categoryName, formatElapsed, openWindowsServing, windowsServing, type HallAlert, type HallSnapshot, type OfficeLiveReply } from '@hall/shared';
import { useT } from '@hall/shared/ui';

interface Props {
  snapshot: HallSnapshot;
  live: OfficeLiveReply;
  now: number;
  /** The queues with nobody to call them and those with a wait past the target are marked by their alerts. */
  alerts: readonly HallAlert[];
}

/** Every category's queue: how many wait, the longest wait, and how many of its windows are open. */
export function LiveQueues({ snapshot, live, now, alerts }: Props) {
  const { t, locale } = useT();
  const marked = (kind: 'unattended' | 'long_wait') => new Set(alerts.flatMap((a) => (a.kind === kind ? [a.category] : [])));
  const unattended = marked('unattended');
  const longWait = marked('long_wait');
  return (
    <section className="live-queues" aria-labelledby="live-queues-title">
      <h2 id="live-queues-title" className="office-section-title">
        {t('live.queuesTitle')}
      </h2>
      <table className="live-queue-table">
        <thead>
          <tr>
            <th scope="col">{t('live.queue.category')}</th>
            <th scope="col">{t('live.queue.waiting')}</th>
            <th scope="col">{t('live.queue.longest')}</th>
            <th scope="col">{t('live.queue.windows')}</th>
          </tr>
        </thead>
        <tbody>
          {live.queues.map((queue) => {
            const waiting = snapshot.categories.find((c) => c.code === queue.code)?.waiting ?? 0;
            const longest = waiting > 0 && queue.longest ? formatElapsed(now - Date.parse(queue.longest.waitingSince), locale) : '—';
            const all = windowsServing(queue.code, snapshot.windows).length;
            const open = openWindowsServing(queue.code, snapshot.windows).length;
            return (
              <tr key={queue.code} data-category={queue.code} data-testid="live-queue" className={unattended.has(queue.code) ? 'live-queue-unattended' : undefined}>
                <th scope="row">{categoryName(queue, locale)}</th>
                <td>{t('live.queue.people', { count: waiting })}</td>
                <td className={longWait.has(queue.code) ? 'live-late' : undefined}>{longest}</td>
                <td className={unattended.has(queue.code) ? 'live-late' : undefined}>
                  {unattended.has(queue.code) ? t('live.queue.unattended') : t('live.queue.openOf', { open, all })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
