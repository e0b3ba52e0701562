import { formatElapsed, type StaffTicketView, type WindowView } from '@hall/shared';
import { useNow, useT } from '@hall/shared/ui';

/**
 * The ticket in hand, its number as large as the screen allows, how long since it was called,
 * and where it came from if it was transferred here. With none in hand: the offer to undo the
 * last 过号 while it stands.
 */
interface Props {
  ticket: StaffTicketView | null;
  /** In the console's language. */
  categoryName: string;
  /** The name of the category it was transferred from, in the console's language. */
  fromCategoryName: string;
  window: WindowView;
  clockOffsetMs: number;
  /** 重呼 was just sent: the panel says so. */
  recalled: boolean;
  undo: { number: string; secondsLeft: number } | null;
  busy: boolean;
  onUndo(): void;
}

export function CurrentTicket({ ticket, categoryName, fromCategoryName, window, clockOffsetMs, recalled, undo, busy, onUndo }: Props) {
  const { t, locale } = useT();
  const now = useNow(1000) + clockOffsetMs;
  const paused = window.state === 'paused';
  const transfer = ticket?.transfer ?? null;
  return (
    <section
      className={`console-current${ticket ? ' console-current-busy' : ''}${transfer ? ' console-current-transferred' : ''}${recalled ? ' console-current-recalled' : ''}`}
      aria-live="polite"
    >
      <p className="console-current-label">
        {t('console.current')}
        {recalled && ticket && (
          <span className="console-recalled" role="status" data-testid="recalled">
            {t('console.done.recall', { number: ticket.number })}
          </span>
        )}
      </p>
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
          {transfer && (
            <div className="console-transfer-origin" data-testid="transfer-origin">
              <p>{t('console.transferredFrom', { windowNo: transfer.fromWindowNo, category: fromCategoryName })}</p>
              <p className="console-transfer-note" title={transfer.note ?? undefined}>
                {transfer.note ? t('console.transferNoteShown', { note: transfer.note }) : t('console.transferNoNote')}
              </p>
            </div>
          )}
          {ticket.calledAt && (
            <p className="console-current-elapsed" data-testid="current-elapsed">
              {t('console.calledFor', { time: formatElapsed(now - Date.parse(ticket.calledAt), locale) })}
            </p>
          )}
        </>
      ) : (
        <>
          <p className="console-current-none" data-testid="current-none">
            {t('console.noCurrent')}
          </p>
          {undo ? (
            <div className="console-undo" data-testid="undo-offer">
              <span>{t('console.undoOffer', { number: undo.number, seconds: undo.secondsLeft })}</span>
              <button type="button" className="console-undo-button" data-action="undo-no-show" disabled={busy} onClick={onUndo}>
                {t('console.undoNoShow')}
              </button>
            </div>
          ) : (
            <p className="console-current-hint">{t(paused ? 'console.pausedHint' : 'console.noCurrentHint')}</p>
          )}
        </>
      )}
    </section>
  );
}
