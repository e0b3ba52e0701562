import type { TicketView } from '@hall/shared';

/** A ticket of 住房公积金 waiting since 10:00 on 25 November 2026, sent to no window by name. */
export const waitingTicket: TicketView = {
  number: 'G012',
  category: 'G',
  categoryName: '住房公积金',
  status: 'waiting',
  priority: null,
  serviceDate: '2026-11-25',
  issuedAt: '2026-11-25T02:00:00.000Z',
  targetWindowNo: null,
  windowNo: null,
  calledAt: null,
  finishedAt: null,
};
