import type { Db } from './connection';

/** Remembers which ticket a kiosk's request key produced, so a retry never makes a second one. */
export class IdempotencyStore {
  private readonly find;
  private readonly insert;

  constructor(db: Db) {
    this.find = db.prepare(`SELECT request, ticket_id AS ticketId FROM idempotency_keys WHERE key = ?`);
    this.insert = db.prepare(`INSERT INTO idempotency_keys (key, request, ticket_id, created_at) VALUES (?, ?, ?, ?)`);
  }

  lookup(key: string): { request: string; ticketId: string } | null {
    return (this.find.get(key) as { request: string; ticketId: string } | undefined) ?? null;
  }

  remember(key: string, request: string, ticketId: string, at: number): void {
    this.insert.run(key, request, ticketId, at);
  }
}
