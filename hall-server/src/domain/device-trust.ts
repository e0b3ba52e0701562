import { WINDOW_BOUND_KINDS, type DeviceKind, type EnrolledDevice } from '@hall/shared';
import { begin } from './begin';
import { DomainError } from './errors';
import type { Outcome } from './outcome';
import { windowConfig } from './state';
import { setDeviceIn, removeDeviceFrom } from './setup/devices';
import { requireAdmin } from './setup/apply';
import type { CommandContext, HallState } from './types';

// Trust on the LAN (issue 15): the hall's machines are enrolled, not named. Enrolling gives a
// device its id and binds it to what it is (a pad and a window screen to their window); a kiosk
// or pad is also one of the set-up's (its place, the window it faces), kept in step here.
// Revoking ends its credential and takes a kiosk or pad out of the set-up. The credential
// itself (a random token, stored hashed) is the runtime's: the domain never sees it.

export interface EnrolCommand {
  /** The administrator; null only when the demo hall enrols its own demo devices on first start. */
  by: string | null;
  kind: DeviceKind;
  windowNo?: number | undefined;
  name: string;
  /** A device the set-up lists or one enrolled before, re-paired under its own id. */
  deviceId?: string | undefined;
}

/** The first free `<kind>-<n>`: readable on the admin page and in the log, never reused while taken. */
function nextDeviceId(state: HallState, kind: DeviceKind): string {
  const taken = new Set([...state.devices.keys(), ...(state.setup.kiosks ?? []).map((k) => k.deviceId), ...(state.setup.pads ?? []).map((p) => p.deviceId)]);
  let n = 1;
  while (taken.has(`${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}

export function enrolDevice(state: HallState, command: EnrolCommand, ctx: CommandContext): Outcome<{ device: EnrolledDevice; replaced: boolean }> {
  const draft = begin(state, ctx);
  if (command.by !== null) requireAdmin(draft.state, command.by);
  const { kind, name } = command;
  const bound = WINDOW_BOUND_KINDS.includes(kind);
  if (bound !== (command.windowNo !== undefined)) throw new DomainError('VALIDATION_FAILED', { issues: [{ path: 'windowNo', message: bound ? `a ${kind} needs its window` : `a ${kind} has no window` }] });
  if (command.windowNo !== undefined) windowConfig(draft.state, command.windowNo);
  const id = command.deviceId ?? nextDeviceId(draft.state, kind);
  const replaced = draft.state.devices.has(id);
  const device: EnrolledDevice = { id, kind, windowNo: command.windowNo ?? null, name };
  if ((kind === 'kiosk' || kind === 'pad') && command.by !== null) setDeviceIn(draft, command.by, id, kind === 'kiosk' ? { kind, name } : { kind, name, windowNo: command.windowNo! });
  else if (command.by !== null) removeDeviceFrom(draft, command.by, id);
  draft.putDevice(device);
  draft.emit({
    type: 'device.enrolled',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    deviceId: id,
    kind,
    ...(device.windowNo === null ? {} : { windowNo: device.windowNo }),
    name,
    ...(command.by === null ? {} : { staffNo: command.by }),
    replaced,
  });
  return draft.done({ device, replaced });
}

/** Ends a device's credential (its pages go back to the pairing screen) and takes a kiosk or pad out of the set-up. */
export function revokeDevice(state: HallState, command: { by: string; deviceId: string }, ctx: CommandContext): Outcome<null> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  const device = draft.state.devices.get(command.deviceId);
  const listed = removeDeviceFrom(draft, command.by, command.deviceId);
  if (!device && !listed) throw new DomainError('DEVICE_NOT_FOUND', { deviceId: command.deviceId });
  if (device) {
    draft.dropDevice(device);
    draft.emit({
      type: 'device.revoked',
      at: ctx.now,
      serviceDate: draft.serviceDate,
      deviceId: device.id,
      kind: device.kind,
      ...(device.windowNo === null ? {} : { windowNo: device.windowNo }),
      staffNo: command.by,
    });
  }
  return draft.done(null);
}
