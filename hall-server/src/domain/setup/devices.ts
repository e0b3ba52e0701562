import type { AdminDeviceBody, Kiosk, Pad } from '@hall/shared';
import { begin } from '../begin';
import type { Draft, Outcome } from '../outcome';
import { windowConfig } from '../state';
import type { CommandContext, HallState } from '../types';
import { applySetup, requireAdmin } from './apply';
import { withItem } from './list';

// The hall's own machines in the set-up: kiosks by their place, pads by the window they face. A
// device is one or the other; naming it the other moves it across. An enrolled device's
// credential follows (a pad moved to another window rates that window's tickets from then on).

export type SetupDevice = (Kiosk & { kind: 'kiosk' }) | (Pad & { kind: 'pad' });

/** Makes `deviceId` the kiosk or pad `device` in the set-up, within a command. */
export function setDeviceIn(draft: Draft, by: string, deviceId: string, device: AdminDeviceBody): SetupDevice {
  const { setup } = draft.state;
  const kiosks = (setup.kiosks ?? []).filter((k) => device.kind === 'kiosk' || k.deviceId !== deviceId);
  const pads = (setup.pads ?? []).filter((p) => device.kind === 'pad' || p.deviceId !== deviceId);
  if (device.kind === 'kiosk') {
    const kiosk: Kiosk = { deviceId, name: device.name };
    applySetup(draft, { ...setup, pads, kiosks: withItem(kiosks, kiosk, (k) => k.deviceId === deviceId) }, by);
    return { kind: 'kiosk', ...kiosk };
  }
  windowConfig(draft.state, device.windowNo);
  const pad: Pad = device.name === undefined ? { deviceId, windowNo: device.windowNo } : { deviceId, windowNo: device.windowNo, name: device.name };
  applySetup(draft, { ...setup, kiosks, pads: withItem(pads, pad, (p) => p.deviceId === deviceId) }, by);
  return { kind: 'pad', ...pad };
}

/** Takes `deviceId` out of the set-up's kiosks and pads, within a command; false if it was in neither. */
export function removeDeviceFrom(draft: Draft, by: string, deviceId: string): boolean {
  const { setup } = draft.state;
  const kiosks = (setup.kiosks ?? []).filter((k) => k.deviceId !== deviceId);
  const pads = (setup.pads ?? []).filter((p) => p.deviceId !== deviceId);
  if (kiosks.length === (setup.kiosks ?? []).length && pads.length === (setup.pads ?? []).length) return false;
  applySetup(draft, { ...setup, kiosks, pads }, by);
  return true;
}

export function setDevice(state: HallState, command: { by: string; deviceId: string; device: AdminDeviceBody }, ctx: CommandContext): Outcome<SetupDevice> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  const result = setDeviceIn(draft, command.by, command.deviceId, command.device);
  const enrolled = draft.state.devices.get(command.deviceId);
  if (enrolled) {
    draft.putDevice({ ...enrolled, kind: result.kind, windowNo: result.kind === 'pad' ? result.windowNo : null, name: result.name ?? enrolled.name });
  }
  return draft.done(result);
}
