import { FollowUpReply, FollowUpsReply, HallReport, HelpRequestReply, OfficeLiveReply, type ApiClient, type FollowUpFilter, type FollowUpView, type Locale } from '@hall/shared';
import { isSessionGone } from './office-session';

// The office's requests, signed with its token. A refusal that means the session ended is
// reported once, to send the page back to sign-in, and still rejects for the caller.

export interface DateRange {
  from: string;
  to: string;
}

export type FollowUpStep = 'callback' | 'fix';

export interface OfficeApi {
  report(range: DateRange): Promise<HallReport>;
  followUps(status: FollowUpFilter, range?: DateRange): Promise<FollowUpView[]>;
  recordStep(id: string, step: FollowUpStep, note: string): Promise<FollowUpView>;
  /** What the live view needs beyond the snapshot (issue 16, H3). */
  live(): Promise<OfficeLiveReply>;
  /** A kiosk's 呼叫导服员 seen to. */
  helpHandled(id: string): Promise<void>;
}

export function officeApi(api: ApiClient, token: string, locale: Locale, onSessionGone: () => void): OfficeApi {
  const signed = <T>(request: Promise<T>): Promise<T> =>
    request.catch((error: unknown) => {
      if (isSessionGone(error)) onSessionGone();
      throw error;
    });
  const options = { token, locale };
  return {
    report: ({ from, to }) => signed(api.request('GET', `/api/reports/hall?${new URLSearchParams({ from, to })}`, HallReport, options)),
    followUps: async (status, range) => {
      const query = new URLSearchParams({ status, ...range });
      return (await signed(api.request('GET', `/api/follow-ups?${query}`, FollowUpsReply, options))).followUps;
    },
    recordStep: async (id, step, note) =>
      (await signed(api.request('POST', `/api/follow-ups/${encodeURIComponent(id)}/${step}`, FollowUpReply, { ...options, body: { note } }))).followUp,
    live: () => signed(api.request('GET', '/api/office/live', OfficeLiveReply, options)),
    helpHandled: async (id) => {
      await signed(api.request('POST', `/api/help-requests/${encodeURIComponent(id)}/handled`, HelpRequestReply, options));
    },
  };
}
