import { newPinProblem, type HallSettings, type NewPinProblem } from '@hall/shared';

// What makes a PIN acceptable, in one place: an administrator's reset, a person's own change and
// a new person's first PIN all go through it. The digits rules are the shared ones (NewPin checks
// them at the door too); the demo PIN depends on the hall, which only the server knows.

/** The PIN every staff member of the demo hall shares (hall-server/config/demo-hall.json). */
export const DEMO_PIN = '123456';

export type PinProblem = NewPinProblem | 'demo_pin';

/** Why a new PIN is refused (PIN_TOO_WEAK), or null. */
export function pinProblem(pin: string, settings: Pick<HallSettings, 'demo'>): PinProblem | null {
  const problem = newPinProblem(pin);
  if (problem !== null) return problem;
  if (pin === DEMO_PIN && !settings.demo) return 'demo_pin';
  return null;
}
