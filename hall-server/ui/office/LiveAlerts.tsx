import { alertKey, type HallAlert, type OfficeLiveReply } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { alertWords } from './live-text';

/** The alerts at the top of the live view, each with what to do; or that there is nothing to do. */
export function LiveAlerts({ alerts, live }: { alerts: readonly HallAlert[]; live: OfficeLiveReply }) {
  const { t, locale } = useT();
  return (
    <section className="live-alerts" aria-labelledby="live-alerts-title">
      <h2 id="live-alerts-title" className="office-visually-hidden">
        {t('live.alertsTitle')}
      </h2>
      {alerts.length === 0 ? (
        <p className="live-all-well" data-testid="live-no-alerts">
          {t('live.noAlerts')}
        </p>
      ) : (
        <ul className="live-alert-list" role="alert">
          {alerts.map((alert) => {
            const words = alertWords(alert, live, t, locale);
            return (
              <li key={alertKey(alert)} className={`live-alert live-alert-${alert.kind}`} data-alert={alertKey(alert)} data-testid="live-alert">
                <p className="live-alert-what">{words.what}</p>
                <p className="live-alert-todo">{t('live.todo', { advice: words.todo })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
