import { describe, expect, it } from 'vitest';
import { initialState, issueTicket, TicketBook, type HallState, type Ticket } from '../../src/domain';
import { TestHall, buildSetup, eventsOf, sh, T0 } from './fixtures';

describe('ticket numbering: prefix + day sequence', () => {
  it('issues A001, A002 in order, and B001 on its own sequence', () => {
    const hall = new TestHall();
    const first = hall.issue('A');
    expect(first.result.ticket).toMatchObject({
      number: 'A001',
      category: 'A',
      seq: 1,
      serviceDate: '2026-03-02',
      status: 'waiting',
      priority: null,
      issuedAt: T0,
      targetWindowNo: null,
      windowNo: null,
      calledAt: null,
      finishedAt: null,
      reactivatedAt: null,
      caseNo: null,
      transfer: null,
    });
    expect(hall.take('A')).toBe('A002');
    expect(hall.take('B')).toBe('B001');
    expect(hall.take('A')).toBe('A003');
    expect(hall.take('B')).toBe('B002');
    expect(hall.take('C')).toBe('C001');
    expect(hall.state.counters).toEqual({ A: 3, B: 2, C: 1 });
  });

  it('takes the ticket id from the injected id generator and stamps the injected clock', () => {
    const state = initialState(buildSetup());
    const now = sh('2026-03-02 10:17');
    const outcome = issueTicket(state, { category: 'A', priority: 'green_channel', secret: 'the-visitors-secret' }, { now, newId: () => 'fixed-id' });
    expect(outcome.result.ticket.id).toBe('fixed-id');
    // The visitor's secret comes with the command too: the domain never makes randomness.
    expect(outcome.result.ticket.secret).toBe('the-visitors-secret');
    expect(outcome.result.ticket.issuedAt).toBe(now);
    expect(outcome.result.ticket.priority).toBe('green_channel');
    expect(outcome.state.tickets.get('fixed-id')).toEqual(outcome.result.ticket);
  });

  it('emits day.opened on the very first command, then ticket.issued, and lists the new ticket', () => {
    const hall = new TestHall();
    const first = hall.issue('A');
    expect(first.events.map((e) => e.type)).toEqual(['day.opened', 'ticket.issued']);
    expect(first.events[1]).toEqual({ type: 'ticket.issued', at: T0, serviceDate: '2026-03-02', ticketId: first.result.ticket.id });
    expect(first.tickets).toEqual([first.result.ticket]);
    expect(first.windows).toEqual([]);

    hall.advance(1);
    const second = hall.issue('A');
    expect(second.events.map((e) => e.type)).toEqual(['ticket.issued']);
    expect(second.tickets).toEqual([second.result.ticket]);
  });

  it('pads to three digits and goes past 999 to A1000', () => {
    const hall = new TestHall();
    expect(hall.take('A')).toBe('A001');
    // Ten tickets in: still three digits.
    for (let i = 2; i <= 10; i++) hall.take('A');
    expect(hall.ticket('A010').seq).toBe(10);
    hall.state = { ...hall.state, counters: { ...hall.state.counters, A: 998 } };
    expect(hall.take('A')).toBe('A999');
    const next = hall.issue('A').result.ticket;
    expect(next.number).toBe('A1000');
    expect(next.seq).toBe(1000);
    expect(hall.take('A')).toBe('A1001');
    expect(hall.take('B')).toBe('B001');
  });

  it('refuses an unknown category (and a lowercase code) without touching the counters', () => {
    const hall = new TestHall();
    hall.take('A');
    hall.refuse((s, c) => issueTicket(s, { category: 'Z', priority: null, secret: 's' }, c), 'CATEGORY_NOT_FOUND');
    hall.refuse((s, c) => issueTicket(s, { category: 'a', priority: null, secret: 's' }, c), 'CATEGORY_NOT_FOUND');
    expect(hall.take('A')).toBe('A002');
  });

  it('never issues a number twice in a day', () => {
    const hall = new TestHall();
    const categories = ['A', 'B', 'C', 'D'] as const;
    for (let i = 0; i < 120; i++) {
      hall.advance(1);
      hall.issue(categories[i % 4]!, i % 7 === 0 ? 'appointment' : null);
    }
    const numbers = [...hall.state.tickets.values()].map((t) => t.number);
    expect(new Set(numbers).size).toBe(120);
    expect(hall.state.counters).toEqual({ A: 30, B: 30, C: 30, D: 30 });
  });
});

describe('numbering restarts each local day', () => {
  it('starts again at 001 on the next day, in every category', () => {
    const hall = new TestHall({}, sh('2026-03-02 10:00'));
    hall.take('A');
    hall.take('A');
    hall.take('B');
    hall.setClock(sh('2026-03-03 10:00'));
    const next = hall.issue('A');
    expect(next.result.ticket.number).toBe('A001');
    expect(next.result.ticket.serviceDate).toBe('2026-03-03');
    expect(next.events.map((e) => e.type)).toEqual(['ticket.expired', 'ticket.expired', 'ticket.expired', 'day.opened', 'ticket.issued']);
    expect(hall.take('B')).toBe('B001');
    expect(hall.state.serviceDate).toBe('2026-03-03');
    expect(hall.state.counters).toEqual({ A: 1, B: 1 });
  });

  it('restarts at local midnight (16:00 UTC), even though the UTC date has not changed', () => {
    const hall = new TestHall({}, sh('2026-03-02 23:50'));
    expect(hall.state.setup.settings.timezone).toBe('Asia/Shanghai');
    expect(hall.take('A')).toBe('A001');
    expect(hall.take('A')).toBe('A002');
    hall.setClock(sh('2026-03-03 00:10'));
    // Both instants are on 2 March in UTC.
    expect(new Date(sh('2026-03-02 23:50')).toISOString().slice(0, 10)).toBe('2026-03-02');
    expect(new Date(hall.now).toISOString().slice(0, 10)).toBe('2026-03-02');
    const next = hall.issue('A').result.ticket;
    expect(next.number).toBe('A001');
    expect(next.serviceDate).toBe('2026-03-03');
  });

  it('does not restart at the UTC day boundary (00:00 UTC = 08:00 in Shanghai)', () => {
    const hall = new TestHall({}, Date.parse('2026-03-01T23:30:00Z')); // 07:30 on 2 March in Shanghai
    expect(hall.issue('A').result.ticket.serviceDate).toBe('2026-03-02');
    hall.setClock(Date.parse('2026-03-02T00:00:00Z')); // 08:00 Shanghai, the UTC date turns
    const atBoundary = hall.issue('A');
    expect(atBoundary.result.ticket.number).toBe('A002');
    expect(eventsOf(atBoundary.events, 'day.opened')).toEqual([]);
    hall.setClock(Date.parse('2026-03-02T00:30:00Z'));
    expect(hall.take('A')).toBe('A003');
    expect(hall.state.serviceDate).toBe('2026-03-02');
  });

  it('follows the configured time zone: Europe/Berlin turns the day at 23:00 UTC in winter', () => {
    const beforeMidnight = Date.parse('2026-03-02T22:30:00Z'); // 23:30 Berlin, 06:30 on 3 March in Shanghai
    const afterMidnight = Date.parse('2026-03-02T23:30:00Z'); // 00:30 on 3 March in Berlin, 07:30 Shanghai

    const berlin = new TestHall({ settings: { timezone: 'Europe/Berlin' } }, beforeMidnight);
    const b1 = berlin.issue('A').result.ticket;
    expect(b1).toMatchObject({ number: 'A001', serviceDate: '2026-03-02' });
    berlin.setClock(afterMidnight);
    const b2 = berlin.issue('A').result.ticket;
    expect(b2).toMatchObject({ number: 'A001', serviceDate: '2026-03-03' });

    const shanghai = new TestHall({}, beforeMidnight);
    expect(shanghai.issue('A').result.ticket).toMatchObject({ number: 'A001', serviceDate: '2026-03-03' });
    shanghai.setClock(afterMidnight);
    expect(shanghai.issue('A').result.ticket).toMatchObject({ number: 'A002', serviceDate: '2026-03-03' });
  });

  it('a Berlin hall does not restart at 00:00 Shanghai time', () => {
    const berlin = new TestHall({ settings: { timezone: 'Europe/Berlin' } }, Date.parse('2026-03-02T15:30:00Z')); // 16:30 Berlin
    expect(berlin.take('A')).toBe('A001');
    berlin.setClock(Date.parse('2026-03-02T16:30:00Z')); // 00:30 in Shanghai, 17:30 Berlin
    expect(berlin.take('A')).toBe('A002');
  });
});

describe('a clock set backwards never restarts numbering', () => {
  it('keeps the current service day and its sequence when the clock jumps back a day', () => {
    const hall = new TestHall({}, sh('2026-03-03 10:00'));
    expect(hall.take('A')).toBe('A001');
    hall.setClock(sh('2026-03-02 16:00'));
    const back = hall.issue('A');
    expect(back.result.ticket).toMatchObject({ number: 'A002', serviceDate: '2026-03-03' });
    expect(back.events.map((e) => e.type)).toEqual(['ticket.issued']);
    expect(hall.ticket('A001').status).toBe('waiting');
    hall.setClock(sh('2026-03-03 10:05'));
    expect(hall.take('A')).toBe('A003');
    hall.setClock(sh('2026-03-04 10:00'));
    expect(hall.take('A')).toBe('A001');
  });

  it('keeps the sequence when the clock jumps back within the day', () => {
    const hall = new TestHall({}, sh('2026-03-02 15:00'));
    hall.take('A');
    hall.setClock(sh('2026-03-02 09:30'));
    expect(hall.take('A')).toBe('A002');
    const numbers = [...hall.state.tickets.values()].map((t) => t.number);
    expect(numbers).toEqual(['A001', 'A002']);
  });
});

describe('numbering across a server restart', () => {
  function reloaded(serviceDate: string, counters: Record<string, number>, tickets: Ticket[] = []): HallState {
    return { ...initialState(buildSetup()), serviceDate, counters, tickets: TicketBook.of(tickets) };
  }

  it('continues the sequence from the reloaded counters on the same day', () => {
    const hall = new TestHall({}, sh('2026-03-02 14:00'));
    hall.state = reloaded('2026-03-02', { A: 41, B: 7 });
    const next = hall.issue('A');
    expect(next.result.ticket.number).toBe('A042');
    expect(next.events.map((e) => e.type)).toEqual(['ticket.issued']);
    expect(hall.take('B')).toBe('B008');
    expect(hall.take('C')).toBe('C001');
  });

  it('continues from a state built by replaying the old one (counters and live tickets)', () => {
    const hall = new TestHall({}, sh('2026-03-02 10:00'));
    hall.take('A');
    hall.take('A');
    hall.signIn(1);
    hall.next(1);
    const old = hall.state;
    hall.state = reloaded(old.serviceDate!, { ...old.counters }, [...old.tickets.values()]);
    hall.advance(5);
    expect(hall.take('A')).toBe('A003');
    hall.signIn(1);
    expect(hall.next(1)).toBe('A002');
  });

  it('starts at 001 when the reloaded day is over', () => {
    const hall = new TestHall({}, sh('2026-03-03 09:30'));
    hall.state = reloaded('2026-03-02', { A: 41 });
    const next = hall.issue('A');
    expect(next.result.ticket).toMatchObject({ number: 'A001', serviceDate: '2026-03-03' });
    expect(next.events.map((e) => e.type)).toEqual(['day.opened', 'ticket.issued']);
  });
});
