import { DEVICE_TOKEN_PREFIX, type EnrolDeviceBody, type EnrolDeviceReply, type EnrolledDevice } from '@hall/shared';
import { randomBytes } from 'node:crypto';
import * as domain from '../domain';
import { DomainError } from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import { hashToken } from '../services/session-tokens';

// Device credentials (issue 15): enrolling makes a random token, hands it out once and keeps its
// hash; a request's token is looked up by that hash. A token never reaches a log or the event log.

const newDeviceToken = () => DEVICE_TOKEN_PREFIX + randomBytes(32).toString('base64url');

export const deviceTrustCommands = (rt: HallRuntime) => {
  const enrol = (by: string | null, body: EnrolDeviceBody, keepForDemo: boolean): EnrolDeviceReply => {
    const token = newDeviceToken();
    const outcome = rt.run(
      (s, ctx) => domain.enrolDevice(s, { by, ...body }, ctx),
      ({ result }, at) => rt.stores.hall.devices.insert({ device: result.device, tokenHash: hashToken(token), demoToken: keepForDemo ? token : null, by, at }),
    );
    return { device: outcome.result.device, token };
  };
  return {
    /** An administrator enrols a device (directly, or by approving its pairing code): its credential, shown once. */
    enrolDevice: (by: string, body: EnrolDeviceBody): EnrolDeviceReply => enrol(by, body, false),
    /** Ends a device's credential; a kiosk or pad leaves the set-up. */
    revokeDevice: (by: string, deviceId: string): void => void rt.run((s, ctx) => domain.revokeDevice(s, { by, deviceId }, ctx)),
    /**
     * The demo hall, on its first start (or its first since devices were enrolled), enrols its kiosks and pads as listed, a hall screen and
     * a screen above every window, and keeps their tokens for the start banner. A real hall's
     * set-up enrols nothing: its devices are paired.
     */
    enrolDemoDevices(): void {
      if (!rt.state.setup.settings.demo || rt.stores.hall.devices.everEnrolled()) return;
      const { kiosks = [], pads = [], windows } = rt.state.setup;
      for (const kiosk of kiosks) enrol(null, { kind: 'kiosk', name: kiosk.name, deviceId: kiosk.deviceId }, true);
      for (const pad of pads) enrol(null, { kind: 'pad', windowNo: pad.windowNo, name: pad.name ?? `${pad.windowNo}号窗口评价器`, deviceId: pad.deviceId }, true);
      enrol(null, { kind: 'hall-screen', name: '大厅屏' }, true);
      for (const window of windows) enrol(null, { kind: 'window-screen', windowNo: window.no, name: `${window.no}号窗口屏` }, true);
    },
    /** The demo devices with their tokens, in the order enrolled (empty for a real hall). */
    demoDevices(): { device: EnrolledDevice; token: string }[] {
      return rt.stores.hall.devices.demoTokens().flatMap(({ deviceId, token }) => {
        const device = rt.state.devices.get(deviceId);
        return device ? [{ device, token }] : [];
      });
    },
    /**
     * The device a bearer token belongs to, as it is now: UNAUTHORIZED for a token the hall never
     * issued, DEVICE_REVOKED for one an administrator revoked (its page goes back to pairing).
     */
    deviceByToken(token: string): EnrolledDevice {
      const found = rt.stores.hall.devices.byTokenHash(hashToken(token));
      if (!found) throw new DomainError('UNAUTHORIZED');
      const device = rt.state.devices.get(found.deviceId);
      if (found.revoked || !device) throw new DomainError('DEVICE_REVOKED');
      return device;
    },
  };
};
