import { DeviceId, WindowNo } from '@hall/shared';

// The Electron shell opens `/pad/<window no>?device=<device id>`. Without a device id the pad
// must not rate at all: the server would take the rating as one from a phone page.

export interface PadAddress {
  windowNo: number | null;
  deviceId: string | null;
}

export function padAddress(pathname: string, search: string): PadAddress {
  const match = /^\/pad\/(\d{1,3})\/?$/.exec(pathname);
  const windowNo = match ? WindowNo.safeParse(Number(match[1])) : null;
  const device = DeviceId.safeParse(new URLSearchParams(search).get('device') ?? '');
  return { windowNo: windowNo?.success ? windowNo.data : null, deviceId: device.success ? device.data : null };
}
