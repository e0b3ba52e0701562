import { isUnattended, windowsServing, type MessageKey, type TicketProgress, type TicketView, type WindowView } from '@hall/shared';

// What the phone page says about a waiting ticket, by the hall's honesty rules: a ticket nobody
// is calling from says so instead of a wait; "很快就到您" only with nobody ahead; never "约 0
// 分钟"; when the server cannot tell, the page says it cannot tell rather than guess.

export interface Line {
  key: MessageKey;
  params?: Record<string, number>;
}

/** The windows that can call the ticket: the one it was sent to by name, else its category's. */
export function servingWindows(ticket: TicketView, windows: readonly WindowView[]): WindowView[] {
  return ticket.targetWindowNo === null ? windowsServing(ticket.category, windows) : windows.filter((w) => w.no === ticket.targetWindowNo);
}

function unattended(ticket: TicketView, windows: readonly WindowView[]): boolean {
  return ticket.targetWindowNo === null ? isUnattended(ticket.category, windows) : servingWindows(ticket, windows).every((w) => w.state !== 'open');
}

/** The people-ahead line of a waiting ticket. */
export function aheadLine({ ahead }: TicketProgress): Line {
  if (ahead === 0) return { key: 'phone.aheadNone' };
  // English needs its singular ("1 person"); Chinese reads the same.
  return ahead === 1 ? { key: 'phone.aheadOne' } : { key: 'phone.ahead', params: { count: ahead } };
}

/**
 * The wait of a waiting ticket; `windows` null while the hall's windows are not known yet (the
 * first reply comes before the live feed's snapshot).
 */
export function waitLine({ ticket, ahead, estimatedWaitMinutes }: TicketProgress, windows: readonly WindowView[] | null): Line {
  if (windows !== null && unattended(ticket, windows)) return { key: 'phone.unattended' };
  if (estimatedWaitMinutes === null) return { key: 'phone.estimateUnknown' };
  if (ahead === 0 && estimatedWaitMinutes <= 1) return { key: 'phone.estimateNow' };
  return { key: 'phone.estimate', params: { minutes: Math.max(1, estimatedWaitMinutes) } };
}
