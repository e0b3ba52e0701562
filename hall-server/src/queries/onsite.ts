import type { OnsiteService, OnsiteServicesReply } from '@hall/shared';
import type { OnsiteRecord } from '../domain';
import type { OnsiteSelection } from '../db/onsite-store';
import type { HallRuntime } from '../runtime/hall-runtime';
import { staffOrNumber } from '../services/views';

// 上门服务 as the office reads it: the services with their staff and steps named.

const iso = (ms: number) => new Date(ms).toISOString();

export function onsiteView(rt: HallRuntime, service: OnsiteRecord): OnsiteService {
  // A person who has left the hall is still named by their number.
  const person = (staffNo: string) => staffOrNumber(rt.state, staffNo);
  return {
    id: service.id,
    requester: service.requester,
    contact: service.contact,
    address: service.address,
    matter: service.matter,
    department: service.department,
    scheduledAt: iso(service.scheduledAt),
    serviceDate: service.serviceDate,
    status: service.status,
    staff: service.staffNos.map(person),
    steps: service.steps.map((step) => ({
      status: step.status,
      at: iso(step.at),
      by: person(step.by),
      staff: step.staffNos === null ? null : step.staffNos.map(person),
      note: step.note,
    })),
    createdBy: person(service.createdBy),
    createdAt: iso(service.createdAt),
    doneAt: service.doneAt === null ? null : iso(service.doneAt),
  };
}

export const onsiteQueries = (rt: HallRuntime) => ({
  onsiteServices: (selection: OnsiteSelection): OnsiteServicesReply => ({
    services: rt.stores.onsite.list(selection).map((s) => onsiteView(rt, s)),
    assignable: rt.state.setup.staff.filter((s) => s.active).map(({ staffNo, name }) => ({ staffNo, name })),
  }),
});
