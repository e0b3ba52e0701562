import { Category, HallSetupFile, HallWindow, Kiosk, Pad, Staff, type HallSettings } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import {
  changeRoster,
  issueTicket,
  removeCategory,
  revokeDevice,
  removeWindow,
  parseSetupFile,
  replaceSetup,
  resetPin,
  setCategory,
  setDevice,
  setSettings,
  setStaff,
  setWindow,
  setupChanges,
  setupFile,
  setupVersion,
  signIn,
} from '../../src/domain';
import type { CommandContext, HallState } from '../../src/domain';
import { DEFAULT_STAFF, TestHall, eventsOf, expectDomainError, sh, type StaffInput } from './fixtures';

// The set-up edited while the hall serves: each rule where a change meets a ticket in service,
// a waiting queue or a signed-in person, and every change on record.

const ADMIN = '900';
const STAFF: StaffInput[] = [...DEFAULT_STAFF, { staffNo: ADMIN, name: '管理员', roles: ['admin'] }];
/** Everyone the hall starts with has a PIN. */
const PINNED = STAFF.map((s) => s.staffNo);

function hall(): TestHall {
  return new TestHall({ staff: STAFF }, sh('2026-03-02 09:00'));
}

const window = (h: TestHall, no: number) => h.state.setup.windows.find((w) => w.no === no)!;
const person = (h: TestHall, staffNo: string) => h.state.setup.staff.find((s) => s.staffNo === staffNo)!;
const category = (h: TestHall, code: string) => h.state.setup.categories.find((c) => c.code === code)!;

function putWindow(h: TestHall, no: number, change: Partial<HallWindow>) {
  return h.run((s, c) => setWindow(s, { by: ADMIN, window: { ...window(h, no), ...change } }, c));
}
function putStaff(h: TestHall, staffNo: string, change: Partial<Staff>) {
  return h.run((s, c) => setStaff(s, { by: ADMIN, withPin: PINNED, rostered: [], staff: { ...person(h, staffNo), ...change } }, c));
}

describe('a window’s categories and routing', () => {
  it('apply from its next call: window 5 changed to serve only B calls a B ticket, its C ticket waits on', () => {
    const h = hall();
    h.signIn(5);
    const c = h.take('C');
    const b = h.take('B');
    const outcome = putWindow(h, 5, { categories: ['B'] });
    expect(h.next(5)).toBe(b);
    expect(h.ticket(c).status).toBe('waiting');
    expect(eventsOf(outcome.events, 'setup.changed')).toEqual([
      {
        type: 'setup.changed',
        at: h.now,
        serviceDate: '2026-03-02',
        staffNo: ADMIN,
        windowNo: 5,
        part: 'window',
        key: '5',
        change: 'changed',
        before: expect.objectContaining({ categories: ['C'] }),
        after: expect.objectContaining({ categories: ['B'] }),
      },
    ]);
    expect(outcome.setup?.windows.find((w) => w.no === 5)?.categories).toEqual(['B']);
  });

  it('routing changed to ordered takes the first listed category with anyone waiting', () => {
    const h = hall();
    h.signIn(3);
    const a = h.take('A');
    h.advance(1);
    const b = h.take('B');
    putWindow(h, 3, { categories: ['B', 'A'], routing: 'ordered' });
    expect(h.next(3)).toBe(b);
    h.finish(3);
    expect(h.next(3)).toBe(a);
  });

  it('keeps a ticket sent to the window by name there, whatever the window now serves', () => {
    const h = hall();
    h.signIn(1);
    h.signIn(3);
    const a = h.take('A');
    h.next(1);
    h.transfer(1, { toWindowNo: 3 });
    putWindow(h, 3, { categories: ['B'] });
    expect(h.next(3)).toBe(a);
  });

  it('refuses taking from a window serving a ticket the category of that ticket, until it finishes (WINDOW_SERVING)', () => {
    const h = hall();
    h.signIn(3);
    const a = h.take('A');
    h.next(3);
    const error = h.refuse((s, c) => setWindow(s, { by: ADMIN, window: { ...window(h, 3), categories: ['B'] } }, c), 'WINDOW_SERVING');
    expect(error.details).toEqual({ windowNo: 3, number: a });
    // Its name may change meanwhile, and its other category may go.
    putWindow(h, 3, { name: '3号综合窗口', categories: ['A'] });
    h.finish(3);
    putWindow(h, 3, { categories: ['B'] });
    expect(window(h, 3).categories).toEqual(['B']);
  });

  it('refuses an unknown category (CATEGORY_NOT_FOUND) and a non-administrator (FORBIDDEN)', () => {
    const h = hall();
    h.refuse((s, c) => setWindow(s, { by: ADMIN, window: { ...window(h, 5), categories: ['Z'] } }, c), 'CATEGORY_NOT_FOUND');
    h.refuse((s, c) => setWindow(s, { by: '300', window: { ...window(h, 5), categories: ['A'] } }, c), 'FORBIDDEN');
    h.refuse((s, c) => setWindow(s, { by: '105', window: { ...window(h, 5), categories: ['A'] } }, c), 'FORBIDDEN');
  });

  it('a new window starts closed; staff authorised for it sign in there', () => {
    const h = hall();
    h.run((s, c) => setWindow(s, { by: ADMIN, window: { no: 6, name: '6号窗口', department: '税务局', categories: ['D'], routing: 'fifo' } }, c));
    expect(h.window(6).state).toBe('closed');
    putStaff(h, '199', { windows: [1, 2, 3, 4, 5, 6] });
    const d = h.take('D');
    h.signIn(6, '199');
    expect(h.next(6)).toBe(d);
  });
});

describe('removing a window', () => {
  it('signs out whoever is there, drops it from everyone’s windows and from the hall', () => {
    const h = hall();
    h.signIn(2);
    const outcome = h.run((s, c) => removeWindow(s, { by: ADMIN, windowNo: 2 }, c));
    expect(eventsOf(outcome.events, 'window.signed_out')).toEqual([expect.objectContaining({ windowNo: 2, staffNo: '102', reason: 'window_removed' })]);
    expect(outcome.windows).toEqual([expect.objectContaining({ no: 2, state: 'closed', staffNo: null })]);
    expect(h.state.windows.has(2)).toBe(false);
    expect(person(h, '102').windows).toEqual([]);
    expect(person(h, '199').windows).toEqual([1, 3, 4, 5]);
    expect(eventsOf(outcome.events, 'setup.changed').map((e) => `${e.part} ${e.key} ${e.change}`)).toEqual(['window 2 removed', 'staff 102 changed', 'staff 199 changed']);
    h.refuse((s, c) => signIn(s, { windowNo: 2, staffNo: '199' }, c), 'WINDOW_NOT_FOUND');
  });

  it('is refused while it serves a ticket (WINDOW_SERVING) or tickets sent to it by name wait (WINDOW_HAS_SENT_TICKETS)', () => {
    const h = hall();
    h.signIn(1);
    h.signIn(2);
    h.take('A');
    h.next(2);
    h.refuse((s, c) => removeWindow(s, { by: ADMIN, windowNo: 2 }, c), 'WINDOW_SERVING');
    h.transfer(2, { toWindowNo: 1 });
    const error = h.refuse((s, c) => removeWindow(s, { by: ADMIN, windowNo: 1 }, c), 'WINDOW_HAS_SENT_TICKETS');
    expect(error.details).toEqual({ windowNo: 1 });
    h.next(1);
    h.finish(1);
    h.signOut(1);
    h.run((s, c) => removeWindow(s, { by: ADMIN, windowNo: 1 }, c));
    expect(h.state.setup.windows.map((w) => w.no)).toEqual([2, 3, 4, 5]);
  });

  it('is refused while a pad faces it (WINDOW_HAS_PADS names the pad); once it is moved, the window goes', () => {
    const h = hall();
    h.run((s, c) => setDevice(s, { by: ADMIN, deviceId: 'pad-5', device: { kind: 'pad', windowNo: 5 } }, c));
    const error = h.refuse((s, c) => removeWindow(s, { by: ADMIN, windowNo: 5 }, c), 'WINDOW_HAS_PADS');
    expect(error.details).toEqual({ windowNo: 5, pads: ['pad-5'] });
    h.run((s, c) => setDevice(s, { by: ADMIN, deviceId: 'pad-5', device: { kind: 'pad', windowNo: 4 } }, c));
    h.run((s, c) => removeWindow(s, { by: ADMIN, windowNo: 5 }, c));
    expect(h.state.setup.windows.map((w) => w.no)).toEqual([1, 2, 3, 4]);
  });
});

describe('categories', () => {
  it('a closed category issues no tickets (CATEGORY_CLOSED); its waiting tickets are still called', () => {
    const h = hall();
    h.signIn(5);
    const c = h.take('C');
    const outcome = h.run((s, ctx) => setCategory(s, { by: ADMIN, category: { ...category(h, 'C'), open: false } }, ctx));
    expect(outcome.setup?.categories.find((x) => x.code === 'C')?.open).toBe(false);
    h.refuse((s, ctx) => issueTicket(s, { category: 'C', priority: null, secret: 's' }, ctx), 'CATEGORY_CLOSED');
    expect(h.next(5)).toBe(c);
    h.run((s, ctx) => setCategory(s, { by: ADMIN, category: { ...category(h, 'C'), open: true } }, ctx));
    expect(h.take('C')).toBe('C002');
  });

  it('a renamed category keeps its place; a new one comes last', () => {
    const h = hall();
    h.run((s, ctx) => setCategory(s, { by: ADMIN, category: { ...category(h, 'B'), name: '不动产登记（一窗受理）' } }, ctx));
    h.run((s, ctx) => setCategory(s, { by: ADMIN, category: Category.parse({ code: 'E', name: '税务', items: [{ code: 'E1', name: '发票代开' }] }) }, ctx));
    expect(h.state.setup.categories.map((c) => `${c.code} ${c.name}`)).toEqual(['A 综合受理', 'B 不动产登记（一窗受理）', 'C 社保医保', 'D 公积金', 'E 税务']);
  });

  it('is not removed while a window serves it (CATEGORY_IN_USE) or anyone waits (CATEGORY_HAS_WAITING)', () => {
    const h = hall();
    const error = h.refuse((s, ctx) => removeCategory(s, { by: ADMIN, code: 'C', booked: [] }, ctx), 'CATEGORY_IN_USE');
    expect(error.details).toEqual({ category: 'C', windows: [5] });
    h.take('D');
    expect(h.refuse((s, ctx) => removeCategory(s, { by: ADMIN, code: 'D', booked: [] }, ctx), 'CATEGORY_HAS_WAITING').details).toEqual({ category: 'D', waiting: 1 });
    h.refuse((s, ctx) => removeCategory(s, { by: ADMIN, code: 'Q', booked: [] }, ctx), 'CATEGORY_NOT_FOUND');
  });

  it('is not removed while one of today’s 过号 tickets may still be reactivated (CATEGORY_HAS_WAITING)', () => {
    const h = hall();
    putWindow(h, 5, { categories: ['C', 'D'] });
    h.signIn(5);
    const d = h.take('D');
    h.next(5);
    h.noShow(5);
    expect(h.ticket(d).status).toBe('no_show');
    putWindow(h, 5, { categories: ['C'] });
    expect(h.refuse((s, ctx) => removeCategory(s, { by: ADMIN, code: 'D', booked: [] }, ctx), 'CATEGORY_HAS_WAITING').details).toEqual({ category: 'D', waiting: 1 });
  });

  it('is not removed while a visit is booked in it for today or later (CATEGORY_HAS_APPOINTMENTS names the days)', () => {
    const h = hall();
    putWindow(h, 5, { categories: ['C'] });
    const booked = [
      { category: 'D', date: '2026-03-01' },
      { category: 'D', date: '2026-03-09' },
      { category: 'D', date: '2026-03-02' },
      { category: 'C', date: '2026-03-03' },
    ];
    const error = h.refuse((s, ctx) => removeCategory(s, { by: ADMIN, code: 'D', booked }, ctx), 'CATEGORY_HAS_APPOINTMENTS');
    expect(error.details).toEqual({ category: 'D', dates: '2026-03-02、2026-03-09' });
    // A day gone by does not hold it.
    h.run((s, ctx) => removeCategory(s, { by: ADMIN, code: 'D', booked: booked.filter((a) => a.date < '2026-03-02') }, ctx));
    expect(h.state.setup.categories.map((c) => c.code)).toEqual(['A', 'B', 'C']);
  });

  it('a removed category leaves the kiosk; its finished tickets stay on record', () => {
    const h = hall();
    putWindow(h, 5, { categories: ['C', 'D'] });
    h.signIn(5);
    h.take('D');
    h.next(5);
    h.finish(5);
    h.refuse((s, ctx) => removeCategory(s, { by: ADMIN, code: 'D', booked: [] }, ctx), 'CATEGORY_IN_USE');
    putWindow(h, 5, { categories: ['C'] });
    const outcome = h.run((s, ctx) => removeCategory(s, { by: ADMIN, code: 'D', booked: [] }, ctx));
    expect(outcome.setup?.categories.map((c) => c.code)).toEqual(['A', 'B', 'C']);
    expect(h.ticket('D001').status).toBe('finished');
    h.refuse((s, ctx) => issueTicket(s, { category: 'D', priority: null, secret: 's' }, ctx), 'CATEGORY_NOT_FOUND');
  });
});

describe('staff', () => {
  it('retiring someone signs them out, and they sign in nowhere again (INVALID_CREDENTIALS)', () => {
    const h = hall();
    h.signIn(1);
    const outcome = putStaff(h, '101', { active: false });
    expect(eventsOf(outcome.events, 'window.signed_out')).toEqual([expect.objectContaining({ windowNo: 1, staffNo: '101', reason: 'retired' })]);
    expect(h.window(1)).toMatchObject({ state: 'closed', staffNo: null });
    h.refuse((s, c) => signIn(s, { windowNo: 1, staffNo: '101' }, c), 'INVALID_CREDENTIALS');
  });

  it('is refused while they serve a ticket (STAFF_SERVING), for retiring and for taking away their window', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.next(1);
    for (const change of [{ active: false }, { windows: [2] }]) {
      const error = h.refuse((s, c) => setStaff(s, { by: ADMIN, withPin: PINNED, rostered: [], staff: { ...person(h, '101'), ...change } }, c), 'STAFF_SERVING');
      expect(error.details).toEqual({ staffNo: '101', windowNo: 1 });
    }
  });

  it('taking away the window someone is signed in at signs them out; other windows leave them be', () => {
    const h = hall();
    h.signIn(3, '199');
    expect(eventsOf(putStaff(h, '199', { windows: [1, 3] }).events, 'window.signed_out')).toEqual([]);
    const outcome = putStaff(h, '199', { windows: [1] });
    expect(eventsOf(outcome.events, 'window.signed_out')).toEqual([expect.objectContaining({ windowNo: 3, staffNo: '199', reason: 'deauthorised' })]);
  });

  it('keeps one active administrator with a PIN (LAST_ADMIN)', () => {
    const h = hall();
    h.refuse((s, c) => setStaff(s, { by: ADMIN, withPin: PINNED, rostered: [], staff: { ...person(h, ADMIN), active: false } }, c), 'LAST_ADMIN');
    h.refuse((s, c) => setStaff(s, { by: ADMIN, withPin: PINNED, rostered: [], staff: { ...person(h, ADMIN), roles: ['captain'] } }, c), 'LAST_ADMIN');
    h.run((s, c) => setStaff(s, { by: ADMIN, withPin: PINNED, rostered: [], staff: Staff.parse({ staffNo: '901', name: '副管理员', roles: ['admin'] }) }, c));
    // 901 has no PIN yet: nobody could sign in to the office after this.
    h.refuse((s, c) => setStaff(s, { by: ADMIN, withPin: PINNED, rostered: [], staff: { ...person(h, ADMIN), roles: ['window'] } }, c), 'LAST_ADMIN');
    h.run((s, c) => setStaff(s, { by: ADMIN, withPin: [...PINNED, '901'], rostered: [], staff: { ...person(h, ADMIN), active: false } }, c));
    // A retired administrator changes nothing any more.
    h.refuse((s, c) => setStaff(s, { by: ADMIN, withPin: PINNED, rostered: [], staff: { ...person(h, '101'), name: '张一一' } }, c), 'FORBIDDEN');
  });

  it('is refused while a day’s own roster from today on names them (STAFF_ON_ROSTER names the days)', () => {
    const h = hall();
    const retire = (rostered: { staffNo: string; date: string }[]) => (s: HallState, c: CommandContext) =>
      setStaff(s, { by: ADMIN, withPin: PINNED, rostered, staff: { ...person(h, '300'), active: false } }, c);
    const rostered = [
      { staffNo: '300', date: '2026-03-04' },
      { staffNo: '300', date: '2026-03-01' },
      { staffNo: '300', date: '2026-03-02' },
      { staffNo: '101', date: '2026-03-03' },
    ];
    expect(h.refuse(retire(rostered), 'STAFF_ON_ROSTER').details).toEqual({ staffNo: '300', dates: '2026-03-02、2026-03-04' });
    // A day gone by does not hold them.
    h.run(retire(rostered.filter((r) => r.date < '2026-03-02')));
    expect(person(h, '300').active).toBe(false);
  });

  it('refuses a window that is not in the hall (WINDOW_NOT_FOUND)', () => {
    const h = hall();
    h.refuse((s, c) => setStaff(s, { by: ADMIN, withPin: PINNED, rostered: [], staff: { ...person(h, '101'), windows: [99] } }, c), 'WINDOW_NOT_FOUND');
  });

  it('a day’s roster and the weekly roster name only active staff', () => {
    const h = hall();
    putStaff(h, '300', { active: false });
    const roster = h.refuse((s, c) => changeRoster(s, { date: '2026-03-03', entries: [{ shift: 'all_day', role: 'captain', staffNo: '300' }], by: ADMIN }, c), 'ROSTER_INVALID');
    expect(roster.details).toEqual({ problems: ['300: has left the hall'] });
    const settings: HallSettings = { ...h.state.setup.settings, dutyWeek: { '2': [{ shift: 'all_day', role: 'captain', staffNo: '300' }] } };
    const error = h.refuse((s, c) => setSettings(s, { by: ADMIN, settings }, c), 'SETUP_INVALID');
    expect(error.details).toMatchObject({ problems: [{ path: 'settings.dutyWeek.2.0', message: '300: has left the hall' }] });
  });
});

describe('the hall settings', () => {
  it('the weekly roster keeps a day’s roster rules: a captain all day, once, nobody twice, nobody unknown', () => {
    const h = hall();
    const settings: HallSettings = {
      ...h.state.setup.settings,
      dutyWeek: {
        '1': [
          { shift: 'morning', role: 'captain', staffNo: '300' },
          { shift: 'all_day', role: 'captain', staffNo: ADMIN },
        ],
        '3': [
          { shift: 'all_day', role: 'captain', staffNo: '300' },
          { shift: 'all_day', role: 'captain', staffNo: '300' },
          { shift: 'all_day', role: 'guide', staffNo: '555' },
        ],
      },
    };
    const error = h.refuse((s, c) => setSettings(s, { by: ADMIN, settings }, c), 'SETUP_INVALID');
    expect(error.details).toMatchObject({
      problems: [
        { path: 'settings.dutyWeek.1.0', message: '300: the duty captain serves the whole day' },
        { path: 'settings.dutyWeek.1.1', message: '900: not a captain' },
        { path: 'settings.dutyWeek.1', message: 'one duty captain a day' },
        { path: 'settings.dutyWeek.3.1', message: '300: listed twice' },
        { path: 'settings.dutyWeek.3.2', message: '555: unknown staff' },
        { path: 'settings.dutyWeek.3', message: 'one duty captain a day' },
      ],
    });
  });

  it('refuses a date listed twice, or both a holiday and a make-up workday', () => {
    const h = hall();
    const calendar = { holidays: ['2026-10-01', '2026-10-01', '2026-10-02'], workdays: ['2026-10-02', '2026-10-10', '2026-10-10'] };
    const error = h.refuse((s, c) => setSettings(s, { by: ADMIN, settings: { ...h.state.setup.settings, calendar } }, c), 'SETUP_INVALID');
    expect(error.details).toMatchObject({
      problems: [
        { path: 'settings.calendar.holidays', message: '2026-10-01 is listed twice' },
        { path: 'settings.calendar.workdays', message: '2026-10-10 is listed twice' },
        { path: 'settings.calendar.workdays.0', message: '2026-10-02 is both a holiday and a make-up workday' },
      ],
    });
  });
});

describe('a PIN reset', () => {
  it('is on record without the PIN, and signs the person out', () => {
    const h = hall();
    h.signIn(1);
    const outcome = h.run((s, c) => resetPin(s, { by: ADMIN, staffNo: '101', pin: '402913' }, c));
    expect(eventsOf(outcome.events, 'staff.pin_reset')).toEqual([{ type: 'staff.pin_reset', at: h.now, serviceDate: '2026-03-02', staffNo: ADMIN, forStaffNo: '101' }]);
    expect(JSON.stringify(outcome.events)).not.toContain('402913');
    expect(eventsOf(outcome.events, 'window.signed_out')).toEqual([expect.objectContaining({ windowNo: 1, reason: 'pin_reset' })]);
  });

  it('refuses a weak PIN (PIN_TOO_WEAK), the demo PIN outside the demo hall, unknown staff, a person serving', () => {
    const h = hall();
    const weak = (pin: string) => h.refuse((s, c) => resetPin(s, { by: ADMIN, staffNo: '101', pin }, c), 'PIN_TOO_WEAK').details;
    expect(weak('12345')).toEqual({ reason: 'too_short' });
    expect(weak('777777')).toEqual({ reason: 'one_digit' });
    expect(weak('123456')).toEqual({ reason: 'demo_pin' });
    h.refuse((s, c) => resetPin(s, { by: ADMIN, staffNo: '555', pin: '402913' }, c), 'STAFF_NOT_FOUND');
    h.signIn(1);
    h.take('A');
    h.next(1);
    h.refuse((s, c) => resetPin(s, { by: ADMIN, staffNo: '101', pin: '402913' }, c), 'STAFF_SERVING');
    const demo = new TestHall({ staff: STAFF, settings: { demo: true } });
    demo.run((s, c) => resetPin(s, { by: ADMIN, staffNo: '101', pin: '123456' }, c));
  });
});

describe('devices', () => {
  it('a kiosk named again as a pad moves across; removing it takes it out', () => {
    const h = hall();
    h.run((s, c) => setDevice(s, { by: ADMIN, deviceId: 'dev-1', device: { kind: 'kiosk', name: '一楼东侧取号机' } }, c));
    expect(h.state.setup.kiosks).toEqual([{ deviceId: 'dev-1', name: '一楼东侧取号机' }]);
    const moved = h.run((s, c) => setDevice(s, { by: ADMIN, deviceId: 'dev-1', device: { kind: 'pad', windowNo: 3, name: '3号评价器' } }, c));
    expect(moved.result).toEqual({ kind: 'pad', deviceId: 'dev-1', windowNo: 3, name: '3号评价器' });
    expect(h.state.setup.kiosks).toEqual([]);
    expect(h.state.setup.pads).toEqual([{ deviceId: 'dev-1', windowNo: 3, name: '3号评价器' }]);
    expect(eventsOf(moved.events, 'setup.changed').map((e) => `${e.part} ${e.change}`)).toEqual(['pad added', 'kiosk removed']);
    h.run((s, c) => revokeDevice(s, { by: ADMIN, deviceId: 'dev-1' }, c));
    expect(h.state.setup.pads).toEqual([]);
    h.refuse((s, c) => revokeDevice(s, { by: ADMIN, deviceId: 'dev-1' }, c), 'DEVICE_NOT_FOUND');
    h.refuse((s, c) => setDevice(s, { by: ADMIN, deviceId: 'dev-2', device: { kind: 'pad', windowNo: 42 } }, c), 'WINDOW_NOT_FOUND');
  });
});

describe('the whole set-up', () => {
  const file = (h: TestHall) => HallSetupFile.parse(setupFile(h.state.setup));

  it('sent back unchanged changes nothing and logs nothing', () => {
    const h = hall();
    const outcome = h.run((s, c) => replaceSetup(s, { by: ADMIN, withPin: PINNED, booked: [], rostered: [], file: file(h) }, c));
    expect(outcome.result).toEqual({ changes: [], firstPins: [] });
    expect(eventsOf(outcome.events, 'setup.changed')).toEqual([]);
    expect(outcome.setup).toBeNull();
  });

  it('keeps a person the file leaves out, inactive; gives a new person their first PIN', () => {
    const h = hall();
    const next = file(h);
    next.staff = [...next.staff.filter((s) => s.staffNo !== '102'), { ...Staff.parse({ staffNo: '106', name: '新人', windows: [2] }), pin: '583920' }];
    const outcome = h.run((s, c) => replaceSetup(s, { by: ADMIN, withPin: PINNED, booked: [], rostered: [], file: next }, c));
    expect(outcome.result.firstPins).toEqual(['106']);
    expect(person(h, '102').active).toBe(false);
    expect(outcome.result.changes.map((c) => `${c.part} ${c.key} ${c.change}`)).toEqual(['staff 102 changed', 'staff 106 added']);
    expect(eventsOf(outcome.events, 'staff.pin_reset')).toEqual([expect.objectContaining({ staffNo: ADMIN, forStaffNo: '106' })]);
    expect(JSON.stringify(outcome.events)).not.toContain('583920');
  });

  it('refuses a PIN for someone already in the hall (SETUP_INVALID) and a weak first PIN (PIN_TOO_WEAK)', () => {
    const h = hall();
    const known = file(h);
    known.staff = known.staff.map((s) => (s.staffNo === '101' ? { ...s, pin: '583920' } : s));
    expect(h.refuse((s, c) => replaceSetup(s, { by: ADMIN, withPin: PINNED, booked: [], rostered: [], file: known }, c), 'SETUP_INVALID').details).toMatchObject({ problems: [{ path: 'staff.0.pin' }] });
    const weak = file(h);
    weak.staff.push({ ...Staff.parse({ staffNo: '106', name: '新人' }), pin: '000000' });
    h.refuse((s, c) => replaceSetup(s, { by: ADMIN, withPin: PINNED, booked: [], rostered: [], file: weak }, c), 'PIN_TOO_WEAK');
  });

  it('refuses a service item code listed twice in a category (SETUP_INVALID), in a category alone too', () => {
    const h = hall();
    const next = file(h);
    next.categories[0]!.items = [{ code: 'A1', name: '事项一' }, { code: 'A1', name: '事项二' }];
    const error = expectDomainError(() => parseSetupFile(next), 'SETUP_INVALID');
    expect(error.details).toMatchObject({ problems: [{ path: 'categories.0.items.1.code', message: 'service item A1 is listed twice' }] });
    expect(Category.safeParse({ code: 'E', name: '税务', items: [{ code: 'E1', name: '一' }, { code: 'E1', name: '二' }] }).success).toBe(false);
  });

  it('a person left out keeps only the windows still in the hall; a problem names the file’s own row', () => {
    const h = hall();
    const next = file(h);
    next.windows = next.windows.filter((w) => w.no !== 5);
    next.staff = next.staff.filter((s) => s.staffNo !== '105').map((s) => ({ ...s, windows: s.windows.filter((no) => no !== 5) }));
    h.run((s, c) => replaceSetup(s, { by: ADMIN, withPin: PINNED, booked: [], rostered: [], file: next }, c));
    expect(person(h, '105')).toMatchObject({ active: false, windows: [] });
    const bad = file(h);
    bad.staff = [...bad.staff].reverse();
    bad.staff[1]!.windows = [42];
    const error = expectDomainError(() => parseSetupFile(bad), 'SETUP_INVALID');
    expect(error.details).toMatchObject({ count: 1, problems: [{ path: 'staff.1.windows', message: `staff ${bad.staff[1]!.staffNo} is authorised for unknown window 42` }] });
  });

  it('keeps the windows by number, whatever the file’s order, as a single window’s change does', () => {
    const h = hall();
    const next = file(h);
    next.windows.reverse();
    next.settings = { ...next.settings, evaluationSeconds: 40 };
    const { changes } = h.run((s, c) => replaceSetup(s, { by: ADMIN, withPin: PINNED, booked: [], rostered: [], file: next }, c)).result;
    expect(changes.map((c) => c.part)).toEqual(['settings']);
    expect(h.state.setup.windows.map((w) => w.no)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps every rule of a change made thing by thing (here: a category with waiting tickets)', () => {
    const h = hall();
    h.take('D');
    const next = file(h);
    next.categories = next.categories.filter((c) => c.code !== 'D');
    h.refuse((s, c) => replaceSetup(s, { by: ADMIN, withPin: PINNED, booked: [], rostered: [], file: next }, c), 'CATEGORY_HAS_WAITING');
  });
});

describe('the set-up’s own rules on input', () => {
  it('trims names and refuses blank ones, control characters, a thing listed twice and too many items', () => {
    expect(Category.parse({ code: 'E', name: '  税务  ' }).name).toBe('税务');
    expect(Category.safeParse({ code: 'E', name: '   ' }).success).toBe(false);
    expect(Category.safeParse({ code: 'E', name: '税\u0000务' }).success).toBe(false);
    expect(Category.safeParse({ code: 'E', name: '税务\u202e' }).success).toBe(false);
    expect(Category.safeParse({ code: 'E', name: '税务', items: [{ code: 'E1', name: ' ' }] }).success).toBe(false);
    const items = Array.from({ length: 501 }, (_, i) => ({ code: `E${i}`, name: `事项${i}` }));
    expect(Category.safeParse({ code: 'E', name: '税务', items: items.slice(0, 500) }).success).toBe(true);
    expect(Category.safeParse({ code: 'E', name: '税务', items }).success).toBe(false);
    expect(HallWindow.safeParse({ no: 6, name: ' ', department: '税务局', categories: ['A'] }).success).toBe(false);
    expect(HallWindow.safeParse({ no: 6, name: '6号', department: '税务局', categories: ['A', 'A'] }).success).toBe(false);
    expect(Staff.safeParse({ staffNo: '106', name: '\t' }).success).toBe(false);
    expect(Staff.safeParse({ staffNo: '106', name: '新人', roles: ['window', 'window'] }).success).toBe(false);
    expect(Staff.safeParse({ staffNo: '106', name: '新人', windows: [1, 1] }).success).toBe(false);
    expect(Kiosk.safeParse({ deviceId: '../..', name: '取号机' }).success).toBe(false);
    expect(Pad.safeParse({ deviceId: 'pad-06', windowNo: 6, name: '\u200f评价器' }).success).toBe(false);
    expect(Pad.safeParse({ deviceId: ' pad-06 ', windowNo: 6 }).data?.deviceId).toBe('pad-06');
  });
});

describe('setupChanges', () => {
  it('lists what was added, changed and removed, and a new order of the categories', () => {
    const h = hall();
    const before = h.state.setup;
    const [a, b, c, d] = before.categories;
    const after = { ...before, categories: [b!, a!, { ...c!, name: '社保' }, Category.parse({ code: 'E', name: '税务' })], settings: { ...before.settings, name: '新大厅' } };
    expect(d).toBeDefined();
    expect(setupChanges(before, after).map((x) => `${x.part} ${x.key} ${x.change}`)).toEqual([
      'settings settings changed',
      'category C changed',
      'category E added',
      'category D removed',
      'category #order changed',
    ]);
    expect(setupChanges(before, { ...before })).toEqual([]);
  });

  it('setupVersion changes with the set-up and not otherwise', () => {
    const h = hall();
    const version = setupVersion(h.state.setup);
    expect(setupVersion({ ...h.state.setup, staff: [...h.state.setup.staff] })).toBe(version);
    putWindow(h, 5, { name: '五号窗口' });
    expect(setupVersion(h.state.setup)).not.toBe(version);
  });
});
