import { useEffect, useMemo, useState } from 'react';
import { ApiError, CallView, createApiClient, localTime, TicketReply, windowsServingTicket, type TicketProgress, type WindowView } from '@hall/shared';
import { useHallFeed, useT } from '@hall/shared/ui';
import { alertCalled, useNotificationPermission } from './call-alert';
import { RatePanel } from './RatePanel';
import { aheadLine, waitLine, type Line } from './wait-view';

/**
 * A visitor's phone follows one ticket live: status, people ahead, and where to go when called.
 * It names the ticket by the secret from the QR code; the hall's calls name numbers only.
 */
export function PhonePage({ secret }: { secret: string }) {
  const { t, locale } = useT();
  const api = useMemo(() => createApiClient(), []);
  const { snapshot, connected } = useHallFeed(window.location.origin, { client: 'phone', ticket: secret }, (event, payload) => {
    if (event !== 'ticket:called') return;
    const call = CallView.safeParse(payload);
    // Numbers start again each day: only a ticket still in today's queue is the one called.
    const live = current && (current.ticket.status === 'waiting' || current.ticket.status === 'called');
    if (!call.success || !live || call.data.number !== current.ticket.number) return;
    const { number, windowNo } = call.data;
    alertCalled(t('phone.title.called', { windowNo, number }), t('phone.calledTo', { windowNo }), number);
  });
  const [fetched, setFetched] = useState<TicketReply | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    api.request('GET', `/api/tickets/${encodeURIComponent(secret)}`, TicketReply, { locale }).then(setFetched, (error) => {
      if (error instanceof ApiError && error.code === 'TICKET_NOT_FOUND') setMissing(true);
    });
  }, [api, secret, locale]);

  // The live feed wins once it has spoken; the first fetch covers the moment before.
  const current = snapshot?.ticket ?? fetched;
  const title = current ? pageTitle(current, t) : null;
  useEffect(() => {
    // The tab's title is what a visitor switching back from another app sees first.
    if (title !== null) document.title = title;
  }, [title]);

  if (missing && !current) return <main className="phone"><p className="phone-problem">{t('phone.notFound')}</p></main>;
  if (!current) return <main className="phone"><p>{t('phone.loading')}</p></main>;

  const { ticket } = current;
  const ahead = aheadLine(current);
  const timezone = snapshot?.timezone ?? 'Asia/Shanghai';
  return (
    <main className="phone">
      {!connected && (
        <p className="phone-offline" role="status">
          {t('phone.offline')}
        </p>
      )}
      {snapshot && <p className="phone-hall">{snapshot.hall}</p>}
      <p className="phone-label">{t('phone.ticket')}</p>
      <p className="phone-number" data-testid="phone-number">{ticket.number}</p>
      <p className="phone-category">{ticket.categoryName}</p>
      <p className="phone-issued" data-testid="phone-issued">
        {t('phone.issuedAt', { time: localTime(Date.parse(ticket.issuedAt), timezone) })}
      </p>
      <p className={`phone-status phone-status-${ticket.status}`} data-testid="phone-status">
        {ticket.status === 'called' && ticket.windowNo !== null ? t('phone.calledTo', { windowNo: ticket.windowNo }) : t(`ticket.status.${ticket.status}`)}
      </p>
      {ticket.status === 'no_show' && (
        <p className="phone-help" data-testid="phone-no-show-help">
          {t('phone.noShowHelp')}
        </p>
      )}
      {ticket.status === 'waiting' && (
        <>
          <p className="phone-ahead" data-testid="phone-ahead">
            {t(ahead.key, ahead.params)}
          </p>
          <WaitLine line={waitLine(current)} />
          {snapshot && <ServingWindows windows={windowsServingTicket(ticket, snapshot.windows)} />}
          <CallAlertControl />
        </>
      )}
      {ticket.status === 'finished' && <RatePanel api={api} secret={secret} timezone={timezone} />}
    </main>
  );
}

function pageTitle({ ticket }: TicketProgress, t: ReturnType<typeof useT>['t']): string {
  if (ticket.status === 'called' && ticket.windowNo !== null) return t('phone.title.called', { windowNo: ticket.windowNo, number: ticket.number });
  return t('phone.title.status', { number: ticket.number, status: t(`ticket.status.${ticket.status}`) });
}

function WaitLine({ line }: { line: Line }) {
  const { t } = useT();
  return (
    <p className={line.key === 'phone.unattended' ? 'phone-wait phone-wait-unattended' : 'phone-wait'} data-testid="phone-wait">
      {t(line.key, line.params)}
    </p>
  );
}

/** The windows that serve the ticket, each as one unbreakable chip, those not calling marked. */
function ServingWindows({ windows }: { windows: readonly WindowView[] }) {
  const { t } = useT();
  if (windows.length === 0) return null;
  return (
    <section className="phone-windows" data-testid="phone-windows">
      <p className="phone-windows-title">{t('phone.windows')}</p>
      <ul>
        {windows.map((w) => (
          <li key={w.no} className={`phone-window phone-window-${w.state}`}>
            {t('phone.window', { no: w.no })}
            {w.state !== 'open' && <span className="phone-window-state"> {t(`phone.windowState.${w.state}`)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CallAlertControl() {
  const { t } = useT();
  const [permission, ask] = useNotificationPermission();
  if (permission === 'unsupported') return null;
  if (permission === 'granted') return <p className="phone-notify-note" data-testid="phone-notify">{t('phone.notify.on')}</p>;
  if (permission === 'denied') return <p className="phone-notify-note" data-testid="phone-notify">{t('phone.notify.off')}</p>;
  return (
    <button type="button" className="phone-notify" data-testid="phone-notify" onClick={ask}>
      {t('phone.notify.ask')}
    </button>
  );
}
