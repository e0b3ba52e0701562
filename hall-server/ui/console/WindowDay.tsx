import { categoryName, formatMinutes, type CategoryView, type WindowSummaryReply } from '@hall/shared';
import { useT } from '@hall/shared/ui';

/** The next few to call, enough to see a transferred visitor coming (as many as fit show); 点号 lists more. */
const QUEUE_SHOWN = 6;

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
            {summary.averageHandlingMinutes === null ? t('console.noValue') : formatMinutes(summary.averageHandlingMinutes, locale)}
          </dd>
        </div>
      </dl>
      <h2 className="console-day-title console-queue-title">{t('console.queueTitle')}</h2>
      {summary.queue.length === 0 ? (
        <p className="console-queue-empty">{t('console.queueEmpty')}</p>
      ) : (
        <ol className="console-queue" data-testid="queue">
          {summary.queue.slice(0, QUEUE_SHOWN).map((ticket) => (
            <li key={ticket.id} data-number={ticket.number}>
              <span className="console-queue-number">{ticket.number}</span>
              {ticket.transfer && (
                <span className="console-queue-origin" title={ticket.transfer.note ?? undefined}>
                  {t('console.transferredFrom', { windowNo: ticket.transfer.fromWindowNo, category: names.get(ticket.transfer.fromCategory) ?? ticket.transfer.fromCategory })}
                  {ticket.transfer.note && ` · ${ticket.transfer.note}`}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
