import type { DeviceKind } from '../schemas/admin';

// Where each kind of device shows its page on the hall server, and the ready-to-open address
// that carries a new credential to it once: in the URL fragment, which the browser never sends
// to the server (so it reaches no access log); the page keeps it and takes it off the address.

/** The fragment parameter a device page takes its credential from. */
export const TOKEN_FRAGMENT_PARAM = 'token';

export function devicePagePath(device: { kind: DeviceKind; windowNo: number | null }): string {
  switch (device.kind) {
    case 'kiosk':
      return '/kiosk';
    case 'pad':
      return `/pad/${device.windowNo}`;
    case 'hall-screen':
      return '/display/hall';
    case 'window-screen':
      return `/display/window/${device.windowNo}`;
  }
}

/** The device's page with its credential in the fragment, for the demo banner and an administrator's direct enrolment. */
export function deviceLink(origin: string, device: { kind: DeviceKind; windowNo: number | null }, token: string): string {
  return `${origin}${devicePagePath(device)}#${TOKEN_FRAGMENT_PARAM}=${token}`;
}
