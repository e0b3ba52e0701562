import {
  LeaderDutyReply,
  LeaderDutyVisitReply,
  OnsiteServiceReply,
  OnsiteServicesReply,
  type ApiClient,
  type LeaderDutyBody,
  type LeaderDutyVisit,
  type Locale,
  type OnsiteFilter,
  type OnsiteService,
  type OnsiteServiceBody,
  type OnsiteServiceChange,
} from '@hall/shared';
import type { DateRange } from './office-api';

// The office's requests for 领导值班 and 上门服务, signed with the office session's token.

export interface DutyApi {
  leaderDuty(range: DateRange): Promise<LeaderDutyReply>;
  recordSitting(sitting: LeaderDutyBody): Promise<LeaderDutyVisit>;
  onsiteServices(status: OnsiteFilter, range?: DateRange): Promise<OnsiteServicesReply>;
  requestOnsite(request: OnsiteServiceBody): Promise<OnsiteService>;
  changeOnsite(id: string, change: OnsiteServiceChange): Promise<OnsiteService>;
}

export function dutyApi(api: ApiClient, token: string, locale: Locale): DutyApi {
  const options = { token, locale };
  return {
    leaderDuty: (range) => api.request('GET', `/api/leader-duty?${new URLSearchParams({ ...range })}`, LeaderDutyReply, options),
    recordSitting: async (body) => (await api.request('POST', '/api/leader-duty', LeaderDutyVisitReply, { ...options, body })).visit,
    onsiteServices: (status, range) => api.request('GET', `/api/onsite-services?${new URLSearchParams({ status, ...range })}`, OnsiteServicesReply, options),
    requestOnsite: async (body) => (await api.request('POST', '/api/onsite-services', OnsiteServiceReply, { ...options, body })).service,
    changeOnsite: async (id, body) => (await api.request('PATCH', `/api/onsite-services/${encodeURIComponent(id)}`, OnsiteServiceReply, { ...options, body })).service,
  };
}
