import type { AdminDeviceView, DeviceFault, EnrolledDevice } from '@hall/shared';
import type { DeviceSightings, Sighting } from './device-sightings';

// The admin devices page: every kiosk and pad of the set-up, every other enrolled device
// (screens), and every other machine that has spoken to the server since it started, with where
// it is, when it last spoke, whether it is connected now and what is wrong with it.

export interface SetupDevices {
  kiosks: readonly { deviceId: string; name: string }[];
  pads: readonly { deviceId: string; windowNo: number; name?: string | null }[];
}

export function adminDevices(setup: SetupDevices, enrolled: readonly EnrolledDevice[], faults: readonly DeviceFault[], sightings: DeviceSightings): AdminDeviceView[] {
  const enrolledIds = new Set(enrolled.map((d) => d.id));
  const view = (deviceId: string, kind: AdminDeviceView['kind'], name: string | null, windowNo: number | null): AdminDeviceView => {
    const seen: Sighting | undefined = sightings.get(deviceId);
    return {
      deviceId,
      kind,
      name,
      windowNo,
      lastSeenAt: seen ? new Date(seen.lastSeenAt).toISOString() : null,
      online: (seen?.connections ?? 0) > 0,
      faults: faults.filter((f) => f.deviceId === deviceId),
      enrolled: enrolledIds.has(deviceId),
    };
  };
  const listed = new Set([...setup.kiosks.map((k) => k.deviceId), ...setup.pads.map((p) => p.deviceId)]);
  const screens = enrolled.filter((d) => !listed.has(d.id));
  const known = new Set([...listed, ...screens.map((d) => d.id)]);
  const others = [...sightings.all()]
    .filter(([deviceId]) => !known.has(deviceId))
    .sort(([a, x], [b, y]) => x.kind.localeCompare(y.kind) || (x.windowNo ?? 0) - (y.windowNo ?? 0) || a.localeCompare(b))
    .map(([deviceId, seen]) => view(deviceId, seen.kind, null, seen.windowNo));
  return [
    ...setup.kiosks.map((k) => view(k.deviceId, 'kiosk', k.name, null)),
    ...setup.pads.map((p) => view(p.deviceId, 'pad', p.name ?? null, p.windowNo)),
    ...screens.map((d) => view(d.id, d.kind, d.name, d.windowNo)),
    ...others,
  ];
}
