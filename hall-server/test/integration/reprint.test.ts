import Database from 'better-sqlite3';
import { IssueTicketReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestHall, type TestHall } from '../support/hall-server';

describe('补打 over the API', () => {
  let hall: TestHall;
  let base: string;
  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  it('reprints with a staff PIN and puts it on record', async () => {
    const issued = IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category: 'C' } })).body);
    const body = { staffNo: '1022', pin: '123456', number: issued.ticket.number, deviceId: 'kiosk-3' };
    const reply = await api(base, 'POST', '/api/tickets/reprint', { body });
    expect(reply.status).toBe(200);
    // The reprint's QR code carries the same secret; the reply names no ticket id.
    const reprinted = IssueTicketReply.parse(reply.body);
    expect(reprinted).toMatchObject({ secret: issued.secret, ticket: { number: issued.ticket.number, status: 'waiting' } });
    expect(JSON.stringify(reply.body)).not.toContain('"id"');

    expect((await api(base, 'POST', '/api/tickets/reprint', { body: { ...body, pin: '654321' } })).body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await api(base, 'POST', '/api/tickets/reprint', { body: { ...body, number: 'C999' } })).body.error.code).toBe('TICKET_NOT_FOUND');
    expect((await api(base, 'POST', '/api/tickets/reprint', { body: { ...body, number: 'nope' } })).body.error.code).toBe('VALIDATION_FAILED');

    const db = new Database(hall.dbPath, { readonly: true });
    const rows = db.prepare(`SELECT ticket_id AS ticketId, staff_no AS staffNo, data FROM events WHERE type = 'ticket.reprinted'`).all();
    db.close();
    expect(rows).toEqual([{ ticketId: expect.any(String), staffNo: '1022', data: JSON.stringify({ deviceId: 'kiosk-3' }) }]);
    // The record names the ticket by id, which the secret leads to.
    const db2 = new Database(hall.dbPath, { readonly: true });
    const ids = db2.prepare(`SELECT id FROM tickets WHERE secret = ?`).all(issued.secret);
    db2.close();
    expect(ids).toEqual([{ id: (rows[0] as { ticketId: string }).ticketId }]);
  });
});
