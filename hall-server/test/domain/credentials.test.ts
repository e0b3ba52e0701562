import { describe, expect, it } from 'vitest';
import { changeOwnPin, pinProblem, signIn } from '../../src/domain';
import { TestHall, buildSetup, eventsOf } from './fixtures';

// The one rule for a new PIN, and a person's own change recorded without the PIN.

describe('pinProblem', () => {
  it('takes six to twelve digits that are not one digit repeated', () => {
    for (const pin of ['246813', '975310864201']) expect(pinProblem(pin, { demo: false }), pin).toBeNull();
    const problems = ['24681', '2468135790123', '24681a', '000000', '999999999'].map((pin) => pinProblem(pin, { demo: false }));
    expect(problems).toEqual(['too_short', 'too_long', 'not_digits', 'one_digit', 'one_digit']);
  });

  it('refuses the demo PIN outside the demo hall only', () => {
    expect(pinProblem('123456', { demo: false })).toBe('demo_pin');
    expect(pinProblem('123456', { demo: true })).toBeNull();
  });
});

describe('changeOwnPin', () => {
  const staff = [
    { staffNo: '101', name: '张一', windows: [1] },
    { staffNo: '102', name: '李二', windows: [1], active: false },
  ];
  /** 101 changing their PIN from the office page (no window's console). */
  const change = { staffNo: '101', currentPin: '135792', newPin: '246813', fromWindowNo: null };

  it('records that the PIN changed, and who, never the PIN', () => {
    const hall = new TestHall(buildSetup({ staff }));
    const outcome = hall.run((s, c) => changeOwnPin(s, { ...change, newPin: '246813' }, c));
    expect(eventsOf(outcome.events, 'staff.pin_changed')).toEqual([{ type: 'staff.pin_changed', at: hall.now, serviceDate: '2026-03-02', staffNo: '101' }]);
    expect(JSON.stringify(outcome.events)).not.toContain('246813');
  });

  it('refuses a weak PIN and anyone no longer on the staff', () => {
    const hall = new TestHall(buildSetup({ staff, settings: { demo: false } }));
    expect(hall.refuse((s, c) => changeOwnPin(s, { ...change, newPin: '123456' }, c), 'PIN_TOO_WEAK').details).toEqual({ reason: 'demo_pin' });
    hall.refuse((s, c) => changeOwnPin(s, { ...change, newPin: '222222' }, c), 'PIN_TOO_WEAK');
    hall.refuse((s, c) => changeOwnPin(s, { ...change, staffNo: '102', newPin: '246813' }, c), 'INVALID_CREDENTIALS');
    hall.refuse((s, c) => changeOwnPin(s, { ...change, staffNo: '999', newPin: '246813' }, c), 'INVALID_CREDENTIALS');
  });

  it('refuses the current PIN again (same_as_current)', () => {
    const hall = new TestHall(buildSetup({ staff }));
    expect(hall.refuse((s, c) => changeOwnPin(s, { ...change, newPin: '135792' }, c), 'PIN_TOO_WEAK').details).toEqual({ reason: 'same_as_current' });
  });

  it('signs the person out of their window, unless the change came from that window’s console', () => {
    const hall = new TestHall(buildSetup({ staff }));
    hall.run((s, c) => signIn(s, { staffNo: '101', windowNo: 1 }, c));
    const fromConsole = hall.state;
    hall.run((s, c) => changeOwnPin(s, change, c));
    expect(hall.state.windows.get(1)).toMatchObject({ staffNo: null, state: 'closed' });
    const kept = changeOwnPin(fromConsole, { ...change, fromWindowNo: 1 }, hall.ctx);
    expect(kept.state.windows.get(1)?.staffNo).toBe('101');
    expect(eventsOf(kept.events, 'window.signed_out')).toEqual([]);
  });
});
