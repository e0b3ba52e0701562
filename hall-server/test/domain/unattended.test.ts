import { describe, expect, it } from 'vitest';
import { SMALL_HALL, TestHall, sh, type SetupOptions } from './fixtures';

// A category nobody is serving: every window serving it paused or closed after opening time, or
// none serving it at all. The hall setting unattendedTickets decides whether a ticket can be
// taken for it: 'allow' (the default) issues it with no estimate; 'refuse' answers
// CATEGORY_UNATTENDED. Before opening time the windows are expected to open, so tickets are
// issued either way.

const REFUSING: SetupOptions = { ...SMALL_HALL, settings: { unattendedTickets: 'refuse' } };

describe('tickets for a category nobody is serving', () => {
  it('are issued by default, with the wait unknown', () => {
    const h = new TestHall(SMALL_HALL, sh('2026-03-02 10:00'));
    h.signIn(3);
    expect(h.state.setup.settings.unattendedTickets).toBe('allow');
    expect(h.issue('A').result).toMatchObject({ ahead: 0, estimatedWaitMinutes: null });
    expect(h.issue('B').result).toMatchObject({ ahead: 0, estimatedWaitMinutes: 0 });
  });

  it('are refused when the hall says so, paused windows counting as nobody serving', () => {
    const h = new TestHall(REFUSING, sh('2026-03-02 10:00'));
    expect(() => h.issue('A')).toThrow(expect.objectContaining({ code: 'CATEGORY_UNATTENDED', details: { category: 'A' } }));
    h.signIn(1);
    expect(h.take('A')).toBe('A001');
    h.pause(1);
    expect(() => h.issue('A')).toThrow(expect.objectContaining({ code: 'CATEGORY_UNATTENDED' }));
    expect(() => h.issue('D')).toThrow(expect.objectContaining({ code: 'CATEGORY_UNATTENDED' })); // no window serves D
    h.resume(1);
    expect(h.take('A')).toBe('A002');
  });

  it('are issued before opening time even when the hall refuses, except for a category no window serves', () => {
    const h = new TestHall(REFUSING, sh('2026-03-02 08:30'));
    expect(h.issue('A').result).toMatchObject({ ahead: 0, estimatedWaitMinutes: 30 });
    expect(() => h.issue('D')).toThrow(expect.objectContaining({ code: 'CATEGORY_UNATTENDED' }));
  });
});
