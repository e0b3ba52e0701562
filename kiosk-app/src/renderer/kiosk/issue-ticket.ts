import { apiFailure, IssueTicketReply, type ApiClient, type CheckInBody, type IssueTicketBody, type Locale } from '@hall/shared';

// One tap, one ticket. A tap gets a fresh key; a retry after a network blip sends the same key,
// so the server returns the ticket it may already have issued instead of a second one.

/** A random request key. crypto.randomUUID exists only on https pages; a hall LAN is plain http. */
export function newTapKey(deviceId: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${deviceId}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const RETRY_DELAYS_MS = [400, 1200, 2500];

/** 取号 (`/api/tickets`) or 预约签到 (`/api/appointments/check-in`): both answer with a ticket. */
export type IssueRequest = { path: '/api/tickets'; body: IssueTicketBody } | { path: '/api/appointments/check-in'; body: CheckInBody };

export async function issueTicket(api: ApiClient, request: IssueRequest, key: string, locale: Locale): Promise<IssueTicketReply> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.request('POST', request.path, IssueTicketReply, { body: request.body, idempotencyKey: key, locale });
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!apiFailure(error).retryable || delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
