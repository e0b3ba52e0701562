import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { phonePageUrl, waitWords, windowsServingTicket, type IssueTicketReply, type WindowView } from '@hall/shared';
import { useLatest, useNow, useT } from '@hall/shared/ui';

/** The confirmation stays this long, then the kiosk is ready for the next visitor. */
const SHOW_FOR_MS = 20_000;
/** Long enough to find a phone and photograph the number when the printer failed. */
const SHOW_UNPRINTED_FOR_MS = 60_000;

export type PrintState = 'none' | 'printing' | 'printed' | 'failed';

export function ConfirmScreen({ issued, windows, print, onDone }: { issued: IssueTicketReply; windows: WindowView[]; print: PrintState; onDone(): void }) {
  const { t, locale } = useT();
  const { ticket, ahead, estimatedWaitMinutes } = issued;
  const words = waitWords(ahead, estimatedWaitMinutes);
  // A ticket sent to a window by name is that window's alone.
  const serving = windowsServingTicket(ticket, windows).map((w) => w.no);
  const phoneUrl = phonePageUrl(window.location.origin, issued.secret);
  const [qr, setQr] = useState<string | null>(null);
  const [deadline, setDeadline] = useState(() => Date.now() + SHOW_FOR_MS);
  // Re-rendered every second for the countdown.
  useNow(1000);
  const done = useLatest(onDone);

  useEffect(() => {
    QRCode.toString(phoneUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [phoneUrl]);

  useEffect(() => {
    // The longer time counts from the moment the printer reports the fault, which only this effect sees.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (print === 'failed') setDeadline(Date.now() + SHOW_UNPRINTED_FOR_MS);
  }, [print]);

  useEffect(() => {
    const timer = setTimeout(() => done.current(), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
  }, [deadline, done]);
  // The countdown is the clock read at each second's render; a render done twice shows the same second.
  // eslint-disable-next-line react-hooks/purity
  const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));

  return (
    <section className="kiosk-confirm" aria-live="polite">
      {print === 'failed' && (
        <p className="kiosk-photo-hint" role="alert">
          {t('kiosk.photoHint')}
        </p>
      )}
      <p className="kiosk-confirm-label">{t('kiosk.yourNumber')}</p>
      <p className="kiosk-number" data-testid="ticket-number">
        {ticket.number}
      </p>
      <p className="kiosk-confirm-category">
        {ticket.categoryName}
        {ticket.priority && <span className="kiosk-badge">{t(`priority.${ticket.priority}`)}</span>}
      </p>
      {serving.length > 0 && (
        <p className="kiosk-confirm-windows" data-testid="ticket-windows">
          {t('kiosk.windows', { windows: t('kiosk.windowList', { numbers: serving.join(t('kiosk.windowListSeparator')) }) })}
        </p>
      )}
      <p className="kiosk-confirm-ahead">{t('kiosk.ahead', { count: ahead })}</p>
      <p className={words.kind === 'unattended' ? 'kiosk-confirm-estimate kiosk-unattended' : 'kiosk-confirm-estimate'} data-testid="ticket-estimate">
        {words.kind === 'unattended' ? t('kiosk.unattended') : words.kind === 'soon' ? t('kiosk.estimateNow') : t('kiosk.estimate', { minutes: words.minutes })}
      </p>
      <div className="kiosk-qr">
        {qr && <div className="kiosk-qr-code" data-testid="ticket-qr" data-url={phoneUrl} dangerouslySetInnerHTML={{ __html: qr }} />}
        <p>{t('kiosk.scanQr')}</p>
      </div>
      {print === 'printing' && <p className="kiosk-print-state">{t('kiosk.printing')}</p>}
      {print === 'printed' && <p className="kiosk-print-state">{t('kiosk.printed')}</p>}
      <p className="kiosk-watch">{t('kiosk.watchCalls')}</p>
      <button type="button" className="kiosk-wide kiosk-done" onClick={onDone}>
        {t('kiosk.done')}
      </button>
      <p className="kiosk-countdown" lang={locale}>
        {t('kiosk.returnsIn', { seconds: left })}
      </p>
    </section>
  );
}
