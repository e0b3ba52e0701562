import { describe, expect, it } from 'vitest';
import { initialState, isAfterClosing, type HallState } from '../../src/domain';
import { TestHall, buildSetup, eventsOf, sh } from './fixtures';

describe('isAfterClosing', () => {
  const state = (serviceDate: string | null, timezone?: string): HallState => ({
    ...initialState(buildSetup({ settings: timezone ? { timezone } : {} })),
    serviceDate,
  });

  it('is false before 17:00 local and true from 17:00', () => {
    const s = state('2026-03-02');
    expect(isAfterClosing(s, sh('2026-03-02 09:00'))).toBe(false);
    expect(isAfterClosing(s, sh('2026-03-02 16:59') + 59_000)).toBe(false);
    expect(isAfterClosing(s, sh('2026-03-02 17:00'))).toBe(true);
    expect(isAfterClosing(s, sh('2026-03-02 23:59'))).toBe(true);
  });

  it('is true on any clock time once the calendar is past the service day (after midnight)', () => {
    const s = state('2026-03-02');
    expect(isAfterClosing(s, sh('2026-03-03 00:30'))).toBe(true);
    expect(isAfterClosing(s, sh('2026-03-03 08:59'))).toBe(true);
    expect(isAfterClosing(state(null), sh('2026-03-03 08:59'))).toBe(false);
  });

  it('reads the clock in the hall’s time zone', () => {
    const berlin = state('2026-03-02', 'Europe/Berlin');
    expect(isAfterClosing(berlin, Date.parse('2026-03-02T15:59:00Z'))).toBe(false); // 16:59 Berlin
    expect(isAfterClosing(berlin, Date.parse('2026-03-02T16:00:00Z'))).toBe(true); // 17:00 Berlin
    const shanghai = state('2026-03-03');
    expect(isAfterClosing(shanghai, Date.parse('2026-03-03T08:59:00Z'))).toBe(false); // 16:59 Shanghai
    expect(isAfterClosing(shanghai, Date.parse('2026-03-03T09:00:00Z'))).toBe(true);
  });
});

describe('extended service (延时服务)', () => {
  function hallWithQueue(start: string, tickets = 6): TestHall {
    const hall = new TestHall({}, sh(start));
    hall.signIn(1);
    hall.signIn(2);
    for (let i = 0; i < tickets; i++) hall.take('A');
    return hall;
  }

  it('a call before closing is ordinary', () => {
    const hall = hallWithQueue('2026-03-02 16:58');
    hall.advance(1); // 16:59
    const call = hall.callNext(1);
    expect(eventsOf(call.events, 'window.extended_service')).toEqual([]);
    expect(hall.window(1).extendedServiceDate).toBeNull();
  });

  it('the first call at or after closing marks the window and emits window.extended_service', () => {
    const hall = hallWithQueue('2026-03-02 16:30');
    hall.setClock(sh('2026-03-02 17:00'));
    const call = hall.callNext(1);
    expect(eventsOf(call.events, 'window.extended_service')).toEqual([
      { type: 'window.extended_service', at: sh('2026-03-02 17:00'), serviceDate: '2026-03-02', windowNo: 1, staffNo: '101' },
    ]);
    expect(eventsOf(call.events, 'ticket.called')).toHaveLength(1);
    expect(call.windows).toEqual([expect.objectContaining({ no: 1, extendedServiceDate: '2026-03-02', currentTicketId: call.result.id })]);
  });

  it('is emitted once per window per service day', () => {
    const hall = hallWithQueue('2026-03-02 16:30');
    hall.setClock(sh('2026-03-02 17:10'));
    hall.callNext(1);
    hall.finish(1);
    hall.advance(5);
    const second = hall.callNext(1);
    expect(eventsOf(second.events, 'window.extended_service')).toEqual([]);
    hall.finish(1);
    // Another window goes into extended service on its own.
    const other = hall.callNext(2);
    expect(eventsOf(other.events, 'window.extended_service')).toEqual([
      expect.objectContaining({ windowNo: 2, staffNo: '102', serviceDate: '2026-03-02' }),
    ]);
    expect(eventsOf(hall.log, 'window.extended_service')).toHaveLength(2);
  });

  it('also counts a call by number', () => {
    const hall = hallWithQueue('2026-03-02 16:30');
    hall.setClock(sh('2026-03-02 18:00'));
    const call = hall.callNumber(1, 'A004');
    expect(eventsOf(call.events, 'window.extended_service')).toHaveLength(1);
    expect(hall.window(1).extendedServiceDate).toBe('2026-03-02');
  });

  it('happens again on the next service day', () => {
    const hall = hallWithQueue('2026-03-02 16:30', 2);
    hall.setClock(sh('2026-03-02 17:30'));
    hall.callNext(1);
    hall.finish(1);
    hall.callNext(1);
    hall.finish(1);
    hall.setClock(sh('2026-03-03 16:00'));
    hall.take('A');
    expect(hall.window(1).extendedServiceDate).toBeNull();
    hall.setClock(sh('2026-03-03 17:15'));
    const call = hall.callNext(1);
    expect(eventsOf(call.events, 'window.extended_service')).toEqual([expect.objectContaining({ serviceDate: '2026-03-03', windowNo: 1 })]);
  });

  it('after midnight a window that had not yet gone into extended service does, on the old day', () => {
    const hall = hallWithQueue('2026-03-02 16:30');
    hall.setClock(sh('2026-03-02 17:30'));
    hall.callNext(1);
    hall.finish(1);
    hall.setClock(sh('2026-03-03 00:15'));
    const late1 = hall.callNext(1);
    expect(eventsOf(late1.events, 'window.extended_service')).toEqual([]);
    const late2 = hall.callNext(2);
    expect(eventsOf(late2.events, 'window.extended_service')).toEqual([expect.objectContaining({ windowNo: 2, serviceDate: '2026-03-02' })]);
  });

  it('follows the configured closing time and time zone', () => {
    const custom = new TestHall({ settings: { openingHours: { open: '08:30', close: '18:30' } } }, sh('2026-03-02 17:00'));
    custom.signIn(1);
    custom.take('A');
    custom.take('A');
    expect(eventsOf(custom.callNext(1).events, 'window.extended_service')).toEqual([]);
    custom.finish(1);
    custom.setClock(sh('2026-03-02 18:30'));
    expect(eventsOf(custom.callNext(1).events, 'window.extended_service')).toHaveLength(1);

    const berlin = new TestHall({ settings: { timezone: 'Europe/Berlin' } }, Date.parse('2026-03-02T15:00:00Z')); // 16:00 Berlin, 23:00 Shanghai
    berlin.signIn(1);
    berlin.take('A');
    berlin.take('A');
    expect(eventsOf(berlin.callNext(1).events, 'window.extended_service')).toEqual([]);
    berlin.finish(1);
    berlin.setClock(Date.parse('2026-03-02T16:00:00Z')); // 17:00 Berlin
    expect(eventsOf(berlin.callNext(1).events, 'window.extended_service')).toHaveLength(1);
  });
});
