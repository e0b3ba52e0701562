import { z } from 'zod';
import { DeviceId } from '../device/device-config-fields';
import { PrintFault } from './print';

// Machines in the hall report what is wrong with them (a kiosk's printer out of paper), so a
// guide can help before the queue notices.

export const DevicePart = z.enum(['printer']);
export type DevicePart = z.infer<typeof DevicePart>;

export const DeviceFault = z.object({
  deviceId: DeviceId,
  part: DevicePart,
  fault: PrintFault,
  /** Chinese, for the staff. */
  message: z.string(),
  /** The machine's place from the hall's set-up (a kiosk's name), null if it has none. */
  place: z.string().nullable().optional(),
  since: z.iso.datetime(),
});
export type DeviceFault = z.infer<typeof DeviceFault>;

/** `fault: null` says the part works again. */
export const DeviceStatusBody = z.strictObject({
  part: DevicePart,
  fault: PrintFault.nullable(),
  message: z.string().trim().min(1).max(100).optional(),
});
export type DeviceStatusBody = z.infer<typeof DeviceStatusBody>;

export const DeviceFaultsReply = z.object({ faults: z.array(DeviceFault) });
export type DeviceFaultsReply = z.infer<typeof DeviceFaultsReply>;

export const DeviceFaultChanged = z.object({ fault: DeviceFault, cleared: z.boolean() });
export type DeviceFaultChanged = z.infer<typeof DeviceFaultChanged>;
