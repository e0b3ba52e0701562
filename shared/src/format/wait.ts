// How a waiting ticket's estimate is put to the visitor, on the kiosk, the paper ticket and any
// other page: the same honesty rules everywhere. Nobody calling the ticket is said so, not
// dressed up as a short wait; "your turn is coming soon" only with nobody ahead; and a wait
// is never "about 0 minutes" (under half a minute rounds to 0, which with people ahead is
// still a wait: at least 1).

export type WaitWords = { kind: 'unattended' } | { kind: 'soon' } | { kind: 'minutes'; minutes: number };

/** `estimatedWaitMinutes` null: no window will call the ticket as the hall stands. */
export function waitWords(ahead: number, estimatedWaitMinutes: number | null): WaitWords {
  if (estimatedWaitMinutes === null) return { kind: 'unattended' };
  if (ahead === 0 && estimatedWaitMinutes === 0) return { kind: 'soon' };
  return { kind: 'minutes', minutes: Math.max(1, estimatedWaitMinutes) };
}
