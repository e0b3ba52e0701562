import { z } from 'zod';
import { DEVICE_FIELD_LABELS, DeviceId, DeviceLocale, DeviceServerUrl, DeviceWindowNo } from '../../src/device/device-config-fields';
import type { DeviceConfigRules } from '../../src/device/parse-device-config';

// A device config schema built the way the kiosk and display apps build theirs.

export const Sample = z.strictObject({
  serverUrl: DeviceServerUrl,
  deviceId: DeviceId,
  windowNo: DeviceWindowNo.optional(),
  place: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('hall') }),
      z.strictObject({ kind: z.literal('window'), windowNo: DeviceWindowNo }),
    ])
    .optional(),
  locale: DeviceLocale,
});

export const sampleRules: DeviceConfigRules<z.output<typeof Sample>> = {
  schema: Sample,
  labels: { ...DEVICE_FIELD_LABELS, windowNo: '窗口号', place: '位置', 'place.kind': '位置类型' },
};

export const good = { serverUrl: 'http://192.168.1.10:8080', deviceId: 'kiosk-01' };
