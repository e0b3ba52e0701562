import { describe, expect, it } from 'vitest';
import { extendService } from '../../src/domain';
import { TestHall, eventsOf, sh } from './fixtures';

describe('延时服务 chosen at closing time', () => {
  it('is refused before closing, recorded once after it, and shown on the window', () => {
    const hall = new TestHall({}, sh('2026-03-02 16:50'));
    hall.signIn(1);
    hall.take('A');
    hall.refuse((s, c) => extendService(s, { windowNo: 1, staffNo: '101' }, c), 'NOT_CLOSING_TIME');
    hall.setClock(sh('2026-03-02 17:00'));
    const outcome = hall.run((s, c) => extendService(s, { windowNo: 1, staffNo: '101' }, c));
    expect(outcome.result.extendedServiceDate).toBe('2026-03-02');
    expect(eventsOf(outcome.events, 'window.extended_service')).toMatchObject([{ windowNo: 1, staffNo: '101' }]);
    const again = hall.run((s, c) => extendService(s, { windowNo: 1, staffNo: '101' }, c));
    expect(again.events).toEqual([]);
    // The call that follows does not record it a second time.
    expect(eventsOf(hall.callNext(1).events, 'window.extended_service')).toEqual([]);
  });

  it('is only for the staff member signed in at the window', () => {
    const hall = new TestHall({}, sh('2026-03-02 17:30'));
    hall.signIn(1);
    hall.refuse((s, c) => extendService(s, { windowNo: 1, staffNo: '102' }, c), 'WRONG_WINDOW');
  });
});
