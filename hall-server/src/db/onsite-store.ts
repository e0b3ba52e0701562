import type { OnsiteStatus } from '@hall/shared';
import type { OnsiteRecord } from '../domain';
import type { Db } from './connection';

interface Row extends Omit<OnsiteRecord, 'staffNos' | 'steps'> {
  staffNos: string;
  steps: string;
}

const COLUMNS = `id, requester, contact, address, matter, department, scheduled_at AS scheduledAt, service_date AS serviceDate, status,
  staff_nos AS staffNos, steps, created_by AS createdBy, created_at AS createdAt, done_at AS doneAt`;

const record = (row: Row): OnsiteRecord => ({ ...row, staffNos: JSON.parse(row.staffNos), steps: JSON.parse(row.steps) });

/** The selection of a list: a status, or every open one (not done or cancelled); and the scheduled local dates. */
export interface OnsiteSelection {
  status?: OnsiteStatus | 'open';
  from?: string;
  to?: string;
}

/** On-site services (上门服务), from the request to done; the reports count the done ones by service_date. */
export class OnsiteStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      save: db.prepare(
        `INSERT INTO onsite_services (id, requester, contact, address, matter, department, scheduled_at, service_date, status, staff_nos, steps, created_by, created_at, done_at)
         VALUES (@id, @requester, @contact, @address, @matter, @department, @scheduledAt, @serviceDate, @status, @staffNos, @steps, @createdBy, @createdAt, @doneAt)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, staff_nos = excluded.staff_nos, steps = excluded.steps, done_at = excluded.done_at`,
      ),
      byId: db.prepare(`SELECT ${COLUMNS} FROM onsite_services WHERE id = ?`),
    };
  }

  /** Writes a new service or its change; the caller wraps it in the command's transaction. */
  save(service: OnsiteRecord): void {
    this.statements.save.run({ ...service, staffNos: JSON.stringify(service.staffNos), steps: JSON.stringify(service.steps) });
  }

  service(id: string): OnsiteRecord | null {
    const row = this.statements.byId.get(id) as Row | undefined;
    return row === undefined ? null : record(row);
  }

  /** Soonest scheduled first. */
  list({ status, from, to }: OnsiteSelection): OnsiteRecord[] {
    const where: string[] = [];
    const params: string[] = [];
    if (status === 'open') where.push(`status NOT IN ('done', 'cancelled')`);
    else if (status !== undefined) {
      where.push('status = ?');
      params.push(status);
    }
    if (from !== undefined && to !== undefined) {
      where.push('service_date >= ? AND service_date <= ?');
      params.push(from, to);
    }
    const sql = `SELECT ${COLUMNS} FROM onsite_services ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY scheduled_at, created_at`;
    return (this.db.prepare(sql).all(...params) as Row[]).map(record);
  }
}
