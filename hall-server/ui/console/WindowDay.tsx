import type { CategoryView, WindowSummaryReply } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { categoryName } from './names';

/** Who is waiting for this window (per category it serves, and sent here by name), and its day. */
export function WindowDay({ summary, categories }: { summary: WindowSummaryReply; categories: CategoryView[] }) {
  const { t, locale } = useT();
  const names = new Map(categories.map((c) => [c.code, categoryName(c, locale)]));
  const total = summary.waiting.reduce((sum, c) => sum + c.waiting, 0) + summary.sentHere;
  return (
    <aside className="console-day">
      <h2 className="console-day-title">{t('console.dayTitle')}</h2>
      <table className="console-day-table">
        <tbody>
          {summary.waiting.map((c) => (
            <tr key={c.code} data-category={c.code}>
              <th scope="row">
                <span className="console-day-code">{c.code}</span> {names.get(c.code) ?? ''}
              </th>
              <td>{t('console.people', { count: c.waiting })}</td>
            </tr>
          ))}
          <tr data-testid="sent-here">
            <th scope="row">{t('console.sentHereCount')}</th>
            <td>{t('console.people', { count: summary.sentHere })}</td>
          </tr>
          <tr className="console-day-total" data-testid="waiting-total">
            <th scope="row">{t('console.totalWaiting')}</th>
            <td>{t('console.people', { count: total })}</td>
          </tr>
        </tbody>
      </table>
      <dl className="console-day-stats">
        <div>
          <dt>{t('console.servedToday')}</dt>
          <dd data-testid="served-today">{summary.servedToday}</dd>
        </div>
        <div>
          <dt>{t('console.averageHandling')}</dt>
          <dd data-testid="average-handling">
            {summary.averageHandlingMinutes === null ? t('console.noValue') : t('console.minutes', { minutes: summary.averageHandlingMinutes })}
          </dd>
        </div>
      </dl>
    </aside>
  );
}
