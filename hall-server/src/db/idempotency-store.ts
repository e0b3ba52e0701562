import type { Db } from './connection';

export interface KnownRequest {
  /** The request as it was first made, to refuse the same key with another request. */
  request: string;
  ticketId: string;
}

/**
 * Remembers which ticket a kiosk's request key produced, so a retry never makes a second one.
 * A kiosk retries within seconds, so a key is known for its service day: the day's keys are
 * kept in memory, and on the ticket rows, from which they are read back after a restart or a
 * group that could not be committed.
 */
export class IdempotencyStore {
  private readonly ofDay;
  private readonly mark;
  /** The service day whose keys `keys` holds; undefined when they must be read again. */
  private day: string | null | undefined = undefined;
  private keys = new Map<string, KnownRequest>();

  constructor(db: Db) {
    this.ofDay = db.prepare(`SELECT request_key AS key, request, id AS ticketId FROM tickets WHERE service_date = ? AND request_key IS NOT NULL`);
    this.mark = db.prepare(`UPDATE tickets SET request_key = ?, request = ? WHERE id = ?`);
  }

  lookup(serviceDate: string | null, key: string): KnownRequest | null {
    return this.keysOf(serviceDate).get(key) ?? null;
  }

  /** Within the write of the command that issued the ticket, after the ticket's own row. */
  remember(serviceDate: string, key: string, request: string, ticketId: string): void {
    const keys = this.keysOf(serviceDate);
    if (this.mark.run(key, request, ticketId).changes !== 1) throw new Error(`ticket ${ticketId} is not stored`);
    keys.set(key, { request, ticketId });
  }

  /** Memory may hold keys the disk does not (their group was rolled back): read them again. */
  forget(): void {
    this.day = undefined;
    this.keys = new Map();
  }

  private keysOf(serviceDate: string | null): Map<string, KnownRequest> {
    if (serviceDate === this.day) return this.keys;
    const rows = serviceDate === null ? [] : (this.ofDay.all(serviceDate) as ({ key: string } & KnownRequest)[]);
    this.keys = new Map(rows.map(({ key, request, ticketId }) => [key, { request, ticketId }]));
    this.day = serviceDate;
    return this.keys;
  }
}
