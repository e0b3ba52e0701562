import { useEffect, useMemo, useState } from 'react';
import { ApiError, createApiClient, TicketReply } from '@hall/shared';
import { useHallFeed, useT } from '@hall/shared/ui';
import { RatePanel } from './RatePanel';

/** A visitor's phone follows one ticket live: status, people ahead, and where to go when called. */
export function PhonePage({ ticketId }: { ticketId: string }) {
  const { t, locale } = useT();
  const api = useMemo(() => createApiClient(), []);
  const { snapshot, connected } = useHallFeed(window.location.origin, { client: 'phone', ticketId });
  const [fetched, setFetched] = useState<TicketReply | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    api.request('GET', `/api/tickets/${encodeURIComponent(ticketId)}`, TicketReply, { locale }).then(setFetched, (error) => {
      if (error instanceof ApiError && (error.code === 'TICKET_NOT_FOUND' || error.code === 'VALIDATION_FAILED')) setMissing(true);
    });
  }, [api, ticketId, locale]);

  // The live feed wins once it has spoken; the first fetch covers the moment before.
  const current = snapshot?.ticket ?? fetched;
  if (missing && !current) return <main className="phone"><p className="phone-problem">{t('phone.notFound')}</p></main>;
  if (!current) return <main className="phone"><p>{t('phone.loading')}</p></main>;

  const { ticket, ahead } = current;
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
      <p className={`phone-status phone-status-${ticket.status}`} data-testid="phone-status">
        {ticket.status === 'called' && ticket.windowNo !== null ? t('phone.calledTo', { windowNo: ticket.windowNo }) : t(`ticket.status.${ticket.status}`)}
      </p>
      {ticket.status === 'waiting' && (
        <p className="phone-ahead" data-testid="phone-ahead">
          {t('phone.ahead', { count: ahead })}
        </p>
      )}
      {ticket.status === 'finished' && <RatePanel api={api} ticketId={ticket.id} timezone={snapshot?.timezone ?? 'Asia/Shanghai'} />}
    </main>
  );
}
