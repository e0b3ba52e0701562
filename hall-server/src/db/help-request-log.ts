import type { HelpRequest } from '../domain';
import type { Db } from './connection';

// 呼叫导服员 has no table of its own: the day's help.requested / help.handled events are the
// record, and a restart rebuilds the day's requests from them so a kiosk still waiting for a
// guide is not forgotten.

interface HelpEventRow {
  type: 'help.requested' | 'help.handled';
  at: number;
  staff_no: string | null;
  data: string;
}

/** The service day's help requests as the event log left them, handled or not. */
export function helpRequestsOfDay(db: Db, serviceDate: string): Map<string, HelpRequest> {
  const rows = db
    .prepare(`SELECT type, at, staff_no, data FROM events WHERE service_date = ? AND type IN ('help.requested', 'help.handled') ORDER BY id`)
    .all(serviceDate) as HelpEventRow[];
  const requests = new Map<string, HelpRequest>();
  for (const row of rows) {
    const { helpRequestId: id, deviceId } = JSON.parse(row.data) as { helpRequestId: string; deviceId: string };
    if (row.type === 'help.requested') {
      requests.set(id, { id, deviceId, requestedAt: row.at, handledAt: null, handledBy: null });
      continue;
    }
    const request = requests.get(id);
    if (request) requests.set(id, { ...request, handledAt: row.at, handledBy: row.staff_no });
  }
  return requests;
}
