import type { AdminDeviceBody, Kiosk, Pad } from '@hall/shared';
import { begin } from '../begin';
import { DomainError } from '../errors';
import type { Outcome } from '../outcome';
import { windowConfig } from '../state';
import type { CommandContext, HallState } from '../types';
import { applySetup, requireAdmin } from './apply';
import { withItem } from './list';

// The hall's own machines: kiosks by their place, pads by the window they face. A device is one
// or the other; naming it the other moves it across.

export type SetupDevice = (Kiosk & { kind: 'kiosk' }) | (Pad & { kind: 'pad' });

export function setDevice(state: HallState, command: { by: string; deviceId: string; device: AdminDeviceBody }, ctx: CommandContext): Outcome<SetupDevice> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  const { setup } = draft.state;
  const { deviceId, device } = command;
  const kiosks = (setup.kiosks ?? []).filter((k) => device.kind === 'kiosk' || k.deviceId !== deviceId);
  const pads = (setup.pads ?? []).filter((p) => device.kind === 'pad' || p.deviceId !== deviceId);
  let result: SetupDevice;
  if (device.kind === 'kiosk') {
    const kiosk: Kiosk = { deviceId, name: device.name };
    result = { kind: 'kiosk', ...kiosk };
    applySetup(draft, { ...setup, pads, kiosks: withItem(kiosks, kiosk, (k) => k.deviceId === deviceId) }, command.by);
  } else {
    windowConfig(draft.state, device.windowNo);
    const pad: Pad = device.name === undefined ? { deviceId, windowNo: device.windowNo } : { deviceId, windowNo: device.windowNo, name: device.name };
    result = { kind: 'pad', ...pad };
    applySetup(draft, { ...setup, kiosks, pads: withItem(pads, pad, (p) => p.deviceId === deviceId) }, command.by);
  }
  return draft.done(result);
}

export function removeDevice(state: HallState, command: { by: string; deviceId: string }, ctx: CommandContext): Outcome<null> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  const { setup } = draft.state;
  const kiosks = (setup.kiosks ?? []).filter((k) => k.deviceId !== command.deviceId);
  const pads = (setup.pads ?? []).filter((p) => p.deviceId !== command.deviceId);
  if (kiosks.length === (setup.kiosks ?? []).length && pads.length === (setup.pads ?? []).length) {
    throw new DomainError('DEVICE_NOT_FOUND', { deviceId: command.deviceId });
  }
  applySetup(draft, { ...setup, kiosks, pads }, command.by);
  return draft.done(null);
}
