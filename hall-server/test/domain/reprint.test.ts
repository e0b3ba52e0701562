import { describe, expect, it } from 'vitest';
import { recordReprint } from '../../src/domain';
import { TestHall, eventsOf } from './fixtures';

describe('补打: reprinting a waiting ticket', () => {
  it('records who reprinted which ticket at which kiosk, and changes nothing else', () => {
    const hall = new TestHall();
    hall.take('A');
    const second = hall.issue('A').result.ticket;
    const outcome = hall.run((s, c) => recordReprint(s, { number: 'A002', staffNo: '300', deviceId: 'kiosk-1', secret: 'new-secret' }, c));
    expect(outcome.result).toMatchObject({ ticket: second, ahead: 1 });
    expect(outcome.tickets).toEqual([]);
    expect(eventsOf(outcome.events, 'ticket.reprinted')).toMatchObject([{ ticketId: second.id, staffNo: '300', deviceId: 'kiosk-1' }]);
    // It keeps the secret its QR code was printed with: the reprint's QR follows the same ticket.
    expect(outcome.result.ticket.secret).toBe(second.secret);
  });

  it('gives a ticket issued before tickets had secrets one, so the reprint’s QR code can follow it', () => {
    const hall = new TestHall();
    const old = hall.issue('A').result.ticket;
    hall.state = { ...hall.state, tickets: hall.state.tickets.with({ ...old, secret: null }) };
    const outcome = hall.run((s, c) => recordReprint(s, { number: 'A001', staffNo: '300', deviceId: 'kiosk-1', secret: 'new-secret' }, c));
    expect(outcome.result.ticket).toMatchObject({ id: old.id, secret: 'new-secret', status: 'waiting' });
    expect(outcome.tickets).toEqual([outcome.result.ticket]);
    expect(hall.state.tickets.get(old.id)?.secret).toBe('new-secret');
  });

  it('refuses unknown staff, unknown numbers and tickets no longer waiting', () => {
    const hall = new TestHall();
    hall.take('A');
    hall.refuse((s, c) => recordReprint(s, { number: 'A001', staffNo: '4242', deviceId: 'k', secret: 'new-secret' }, c), 'INVALID_CREDENTIALS');
    hall.refuse((s, c) => recordReprint(s, { number: 'A009', staffNo: '101', deviceId: 'k', secret: 'new-secret' }, c), 'TICKET_NOT_FOUND');
    hall.signIn(1);
    hall.callNext(1);
    hall.refuse((s, c) => recordReprint(s, { number: 'A001', staffNo: '101', deviceId: 'k', secret: 'new-secret' }, c), 'TICKET_NOT_WAITING');
  });
});
