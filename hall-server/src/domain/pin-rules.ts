import type { HallSettings } from '@hall/shared';

// What makes a PIN acceptable, in one place: an administrator's reset, a person's own change and
// a new person's first PIN all go through it. (The shared NewPin schema refuses the first two
// kinds at the door; the demo PIN depends on the hall, which only the server knows.)

/** The PIN every staff member of the demo hall shares (hall-server/config/demo-hall.json). */
export const DEMO_PIN = '123456';

export type PinProblem = 'too_short' | 'one_digit' | 'demo_pin';

/** Why a new PIN is refused (PIN_TOO_WEAK), or null. */
export function pinProblem(pin: string, settings: Pick<HallSettings, 'demo'>): PinProblem | null {
  if (!/^\d{6,12}$/.test(pin)) return 'too_short';
  if (/^(\d)\1+$/.test(pin)) return 'one_digit';
  if (pin === DEMO_PIN && !settings.demo) return 'demo_pin';
  return null;
}
