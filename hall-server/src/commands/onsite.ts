import type { OnsiteService, OnsiteServiceBody, OnsiteServiceChange } from '@hall/shared';
import * as domain from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import { onsiteView } from '../queries/onsite';

// 上门服务, requested and moved on by a duty captain or administrator (`by`).

export const onsiteCommands = (rt: HallRuntime) => ({
  requestOnsiteService(request: OnsiteServiceBody, by: string): OnsiteService {
    const { result } = rt.run(
      (s, ctx) => domain.requestOnsiteService(s, { request, by }, ctx),
      (outcome) => rt.stores.onsite.save(outcome.result),
    );
    return onsiteView(rt, result);
  },
  changeOnsiteService(id: string, change: OnsiteServiceChange, by: string): OnsiteService {
    const service = rt.stores.onsite.service(id);
    const { result } = rt.run(
      (s, ctx) => domain.changeOnsiteService(s, service, { ...change, by }, ctx),
      (outcome) => rt.stores.onsite.save(outcome.result),
    );
    return onsiteView(rt, result);
  },
});
