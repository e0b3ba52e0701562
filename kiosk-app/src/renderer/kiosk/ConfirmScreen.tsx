import { useEffect, useRef, useState } from 'react';
import QRCode from 'qrcode';
import type { IssueTicketReply } from '@hall/shared';
import { useNow, useT } from '@hall/shared/ui';

/** The confirmation stays this long, then the kiosk is ready for the next visitor. */
const SHOW_FOR_MS = 20_000;

export function ConfirmScreen({ issued, onDone }: { issued: IssueTicketReply; onDone(): void }) {
  const { t, locale } = useT();
  const { ticket, ahead, estimatedWaitMinutes } = issued;
  const phoneUrl = `${window.location.origin}/t/${ticket.id}`;
  const [qr, setQr] = useState<string | null>(null);
  const [shownAt] = useState(() => Date.now());
  const now = useNow(1000);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    QRCode.toString(phoneUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [phoneUrl]);

  useEffect(() => {
    const timer = setTimeout(() => done.current(), SHOW_FOR_MS);
    return () => clearTimeout(timer);
  }, []);
  const left = Math.max(0, Math.ceil((shownAt + SHOW_FOR_MS - now) / 1000));

  return (
    <section className="kiosk-confirm" aria-live="polite">
      <p className="kiosk-confirm-label">{t('kiosk.yourNumber')}</p>
      <p className="kiosk-number" data-testid="ticket-number">
        {ticket.number}
      </p>
      <p className="kiosk-confirm-category">
        {ticket.categoryName}
        {ticket.priority === 'green_channel' && <span className="kiosk-badge">{t('priority.green_channel')}</span>}
      </p>
      <p className="kiosk-confirm-ahead">{t('kiosk.ahead', { count: ahead })}</p>
      <p className="kiosk-confirm-estimate">
        {estimatedWaitMinutes > 0 ? t('kiosk.estimate', { minutes: estimatedWaitMinutes }) : t('kiosk.estimateNow')}
      </p>
      <div className="kiosk-qr">
        {qr && <div className="kiosk-qr-code" data-testid="ticket-qr" data-url={phoneUrl} dangerouslySetInnerHTML={{ __html: qr }} />}
        <p>{t('kiosk.scanQr')}</p>
      </div>
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
