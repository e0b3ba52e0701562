import { WatchedDeviceKind, type EnrolledDevice, type WatchedDevice } from '@hall/shared';
import type { DeviceSightings } from './device-sightings';

// The office's live view (issue 16, H3): the enrolled kiosks and pads and whether each has its
// line to the server. One not heard from since the server started counts as without it since then.

export function watchedDevices(enrolled: readonly EnrolledDevice[], sightings: DeviceSightings, startedAt: number): WatchedDevice[] {
  return enrolled
    .flatMap((device) => {
      const kind = WatchedDeviceKind.safeParse(device.kind);
      if (!kind.success) return [];
      const seen = sightings.get(device.id);
      const online = (seen?.connections ?? 0) > 0;
      return [{ deviceId: device.id, kind: kind.data, name: device.name, windowNo: device.windowNo, offlineSince: online ? null : new Date(seen?.lastSeenAt ?? startedAt).toISOString() }];
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || (a.windowNo ?? 0) - (b.windowNo ?? 0) || a.deviceId.localeCompare(b.deviceId));
}
