import { t, windowsServingTicket, type HallSnapshot, type IssueTicketReply, type TicketPrintJob } from '@hall/shared';

/** The paper ticket: always in Chinese, whatever language the screen shows. */
export function ticketPrintJob(snapshot: Pick<HallSnapshot, 'hall' | 'windows'>, issued: IssueTicketReply, qrUrl: string, reprint = false): TicketPrintJob {
  const { ticket, ahead, estimatedWaitMinutes } = issued;
  return {
    hallName: snapshot.hall,
    number: ticket.number,
    categoryName: ticket.categoryName,
    windows: windowsServingTicket(ticket, snapshot.windows).map((w) => `${w.no}号窗口`),
    ahead,
    estimatedWaitMinutes,
    issuedAt: ticket.issuedAt,
    qrUrl,
    notice: t('zh-CN', 'kiosk.printNotice'),
    ...(reprint ? { reprint: true } : {}),
  };
}
