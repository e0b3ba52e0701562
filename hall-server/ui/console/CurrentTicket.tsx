import type { TicketView, WindowView } from '@hall/shared';
import { useNow, useT } from '@hall/shared/ui';
import { formatElapsed } from './names';

/** The ticket in hand, its number as large as the screen allows, and how long since it was called. */
interface Props {
  ticket: TicketView | null;
  /** In the console's language. */
  categoryName: string;
  window: WindowView;
  clockOffsetMs: number;
}

export function CurrentTicket({ ticket, categoryName, window, clockOffsetMs }: Props) {
  const { t } = useT();
  const now = useNow(1000) + clockOffsetMs;
  const paused = window.state === 'paused';
  return (
    <section className={`console-current${ticket ? ' console-current-busy' : ''}`} aria-live="polite">
      <p className="console-current-label">{t('console.current')}</p>
      {ticket ? (
        <>
          <p className="console-current-number" data-testid="current-number">
            {ticket.number}
          </p>
          <p className="console-current-category">
            {categoryName}
            {ticket.priority && <span className="console-badge console-badge-priority">{t(`priority.${ticket.priority}`)}</span>}
            {ticket.targetWindowNo === window.no && <span className="console-badge">{t('console.sentHere')}</span>}
          </p>
          {ticket.calledAt && (
            <p className="console-current-elapsed" data-testid="current-elapsed">
              {t('console.calledFor', { time: formatElapsed(now - Date.parse(ticket.calledAt)) })}
            </p>
          )}
        </>
      ) : (
        <>
          <p className="console-current-none" data-testid="current-none">
            {t('console.noCurrent')}
          </p>
          <p className="console-current-hint">{t(paused ? 'console.pausedHint' : 'console.noCurrentHint')}</p>
        </>
      )}
    </section>
  );
}
