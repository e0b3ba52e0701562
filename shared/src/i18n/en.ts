import type { MessageKey } from './zh-CN';

export const en: Record<MessageKey, string> = {
  'error.VALIDATION_FAILED': 'Some of the information sent is not valid',
  'error.MALFORMED_JSON': 'The request body is not valid JSON',
  'error.UNSUPPORTED_MEDIA_TYPE': 'Unsupported content type; send application/json',
  'error.ROUTE_NOT_FOUND': 'No such endpoint',
  'error.CATEGORY_NOT_FOUND': 'No such service category',
  'error.WINDOW_NOT_FOUND': 'No such window',
  'error.TICKET_NOT_FOUND': 'Ticket not found',
  'error.UNAUTHORIZED': 'Please sign in at the window first',
  'error.INVALID_CREDENTIALS': 'Wrong staff number or PIN',
  'error.STAFF_NOT_AUTHORISED_FOR_WINDOW': 'You are not authorised to serve at this window',
  'error.WRONG_WINDOW': 'You are signed in at another window',
  'error.QUEUE_EMPTY': 'Nobody is waiting',
  'error.NO_CURRENT_TICKET': 'No ticket is being served',
  'error.TICKET_IN_SERVICE': 'Finish or mark the current ticket as no-show first',
  'error.TICKET_NOT_WAITING': 'This ticket is not waiting',
  'error.TICKET_NOT_NO_SHOW': 'This ticket is not a no-show',
  'error.TICKET_NOT_SERVED_HERE': 'This window does not serve this ticket',
  'error.WINDOW_PAUSED': 'The window is paused; resume it first',
  'error.WINDOW_NOT_PAUSED': 'The window is not paused',
  'error.TRANSFER_TARGET_INVALID': 'Cannot transfer to that window or category',
  'error.IDEMPOTENCY_KEY_REUSED': 'This request key was already used for a different ticket request',
  'error.INTERNAL_ERROR': 'System fault; please ask a guide for help',

  'ticket.status.waiting': 'Waiting',
  'ticket.status.called': 'Called',
  'ticket.status.finished': 'Finished',
  'ticket.status.no_show': 'No-show',
  'ticket.status.cancelled': 'Cancelled',
  'ticket.status.expired': 'Expired',

  'window.state.open': 'Open',
  'window.state.paused': 'Paused',
  'window.state.closed': 'Closed',
  'window.extendedService': 'Extended service',

  'priority.green_channel': 'Priority lane',
  'priority.appointment': 'Appointment',

  'announce.call': 'Number {number}, please go to window {windowNo}',
  'announce.recall': 'Number {number}, please go to window {windowNo} (recall)',
};
