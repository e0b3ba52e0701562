import { describe, expect, it } from 'vitest';
import { recordReprint } from '../../src/domain';
import { TestHall, eventsOf } from './fixtures';

describe('补打: reprinting a waiting ticket', () => {
  it('records who reprinted which ticket at which kiosk, and changes nothing else', () => {
    const hall = new TestHall();
    hall.take('A');
    const second = hall.issue('A').result.ticket;
    const outcome = hall.run((s, c) => recordReprint(s, { number: 'A002', staffNo: '300', deviceId: 'kiosk-1' }, c));
    expect(outcome.result).toMatchObject({ ticket: second, ahead: 1 });
    expect(outcome.tickets).toEqual([]);
    expect(eventsOf(outcome.events, 'ticket.reprinted')).toMatchObject([{ ticketId: second.id, staffNo: '300', deviceId: 'kiosk-1' }]);
  });

  it('refuses unknown staff, unknown numbers and tickets no longer waiting', () => {
    const hall = new TestHall();
    hall.take('A');
    hall.refuse((s, c) => recordReprint(s, { number: 'A001', staffNo: '4242', deviceId: 'k' }, c), 'INVALID_CREDENTIALS');
    hall.refuse((s, c) => recordReprint(s, { number: 'A009', staffNo: '101', deviceId: 'k' }, c), 'TICKET_NOT_FOUND');
    hall.signIn(1);
    hall.callNext(1);
    hall.refuse((s, c) => recordReprint(s, { number: 'A001', staffNo: '101', deviceId: 'k' }, c), 'TICKET_NOT_WAITING');
  });
});
