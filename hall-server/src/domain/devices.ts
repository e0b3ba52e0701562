import type { DevicePart, PrintFault } from '@hall/shared';
import { begin } from './begin';
import type { Outcome } from './outcome';
import type { CommandContext, DeviceFault, HallState } from './types';

// A machine says what is wrong with it, or that it works again. Only changes are facts worth
// logging: the same fault reported twice is one fault.

export const deviceFaultKey = (deviceId: string, part: DevicePart) => `${deviceId}/${part}`;

export function reportDeviceStatus(
  state: HallState,
  report: { deviceId: string; part: DevicePart; fault: PrintFault | null; message: string },
  ctx: CommandContext,
): Outcome<DeviceFault | null> {
  const draft = begin(state, ctx);
  const key = deviceFaultKey(report.deviceId, report.part);
  const known = draft.state.deviceFaults.get(key);
  const faults = new Map(draft.state.deviceFaults);
  const { deviceId, part } = report;

  if (report.fault === null) {
    if (!known) return draft.done(null);
    faults.delete(key);
    draft.state = { ...draft.state, deviceFaults: faults };
    draft.emit({ type: 'device.recovered', at: ctx.now, serviceDate: draft.serviceDate, deviceId, part, fault: known.fault, message: known.message, since: known.since });
    return draft.done(null);
  }
  if (known && known.fault === report.fault) return draft.done(known);
  const fault: DeviceFault = { deviceId, part, fault: report.fault, message: report.message, since: ctx.now };
  faults.set(key, fault);
  draft.state = { ...draft.state, deviceFaults: faults };
  draft.emit({ type: 'device.fault', at: ctx.now, serviceDate: draft.serviceDate, deviceId, part, fault: report.fault, message: report.message });
  return draft.done(fault);
}
