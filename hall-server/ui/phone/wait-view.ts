import { waitWords, type MessageKey, type TicketProgress } from '@hall/shared';

// What the phone page says about a waiting ticket: the words the kiosk and the paper ticket use
// (shared waitWords), so a ticket reads the same everywhere. Whether anyone will call it is the
// server's word (no estimate: no window will call it, before-opening rule included).

export interface Line {
  key: MessageKey;
  params?: Record<string, number>;
}

/** The people-ahead line of a waiting ticket. */
export function aheadLine({ ahead }: TicketProgress): Line {
  if (ahead === 0) return { key: 'phone.aheadNone' };
  // English needs its singular ("1 person"); Chinese reads the same.
  return ahead === 1 ? { key: 'phone.aheadOne' } : { key: 'phone.ahead', params: { count: ahead } };
}

/** The wait of a waiting ticket. */
export function waitLine({ ahead, estimatedWaitMinutes }: TicketProgress): Line {
  const words = waitWords(ahead, estimatedWaitMinutes);
  switch (words.kind) {
    case 'unattended':
      return { key: 'phone.unattended' };
    case 'soon':
      return { key: 'phone.estimateNow' };
    case 'minutes':
      return { key: 'phone.estimate', params: { minutes: words.minutes } };
  }
}
