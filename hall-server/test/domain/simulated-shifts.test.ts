import { Category, HallSettings, HallWindow, Staff } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { simulateDays, type SimulatedHall } from '../../bench/sim/simulate-days';
import { seededRandom } from '../../bench/support/random';

// The waiting-estimate benchmark's simulated days with windows working shifts: a window opens
// late, pauses for lunch and closes; while no window serves the category, its tickets are told
// so (no estimate) and nobody is called.

const hall: SimulatedHall = {
  setup: {
    settings: HallSettings.parse({ name: 'shifts' }),
    categories: [Category.parse({ code: 'A', name: 'A', defaultHandlingMinutes: 10 })],
    windows: [1, 2].map((no) => HallWindow.parse({ no, name: `${no}`, department: 'A', categories: ['A'] })),
    staff: [1, 2].map((no) => Staff.parse({ staffNo: `10${no}`, name: `${no}`, windows: [no] })),
  },
  arrivalsPerMinute: { A: 0.15 },
  handlingMinutes: { A: 10 },
  issuing: { from: '09:00', until: '17:00' },
  shifts: {
    1: { open: '09:00', lunch: { from: '12:00', until: '13:00' }, close: null },
    2: { open: '10:00', lunch: { from: '12:00', until: '13:00' }, close: '15:00' },
  },
};

describe('simulated days with windows working shifts', () => {
  const visits = simulateDays(hall, { firstDate: '2026-03-02', days: 2, random: seededRandom(3) });
  const lunch = (minute: number) => minute > 180 && minute < 240; // 12:00 to 13:00, from 09:00

  it('calls no one while every window is at lunch', () => {
    expect(visits.length).toBeGreaterThan(100);
    expect(visits.filter((v) => lunch(v.issuedMinute + v.waitMinutes))).toEqual([]);
  });

  it('gives tickets taken while no window serves them no estimate, and the others one', () => {
    // A window busy at 12:00 pauses once its visitor is served: only then is nobody serving.
    const unattended = visits.filter((v) => v.estimateMinutes === null);
    expect(unattended.length).toBeGreaterThan(0);
    expect(unattended.filter((v) => !lunch(v.issuedMinute))).toEqual([]);
    expect(visits.filter((v) => v.issuedMinute > 240).every((v) => v.estimateMinutes !== null)).toBe(true);
  });
});
