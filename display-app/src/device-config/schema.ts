import {
  checkPinnedServer,
  DEVICE_FIELD_LABELS,
  DEVICE_TRUST_LABELS,
  DeviceCredentialField,
  DeviceId,
  DeviceLocale,
  DeviceServerUrl,
  DeviceWindowNo,
  ServerCertSha256,
  unlessMissing,
  validateDeviceConfig,
  type DeviceConfigCheck,
  type DeviceConfigRules,
} from '@hall/shared';
import { z } from 'zod';

// The device config file is written by hand on site, one per screen. Strict objects, so a
// misspelt key is reported instead of silently falling back to a default.

const MONITOR = '应为 0 或更大的整数（0 是第一块显示器）';

const Screen = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hall') }),
  z.strictObject({ kind: z.literal('window'), windowNo: DeviceWindowNo }),
]);

const Config = z
  .strictObject({
    serverUrl: DeviceServerUrl,
    deviceId: DeviceId,
    screen: Screen,
    monitor: z.number({ error: unlessMissing(MONITOR) }).int({ error: MONITOR }).min(0, { error: MONITOR }).default(0),
    locale: DeviceLocale,
    // Trust on the LAN (issue 15): the screen's credential, and the hall server's certificate pinned.
    credential: DeviceCredentialField.optional(),
    serverCertSha256: ServerCertSha256.optional(),
  })
  .superRefine(checkPinnedServer);

export type DisplayDeviceConfig = z.output<typeof Config>;

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...DEVICE_FIELD_LABELS,
  ...DEVICE_TRUST_LABELS,
  screen: '屏幕用途',
  'screen.kind': '屏幕用途：hall 大厅屏，window 窗口屏',
  'screen.windowNo': '窗口屏所在的窗口号',
  monitor: '全屏显示在第几块显示器上',
};

export const CONFIG_RULES: DeviceConfigRules<DisplayDeviceConfig> = { schema: Config, labels: FIELD_LABELS };

export function checkDeviceConfig(input: unknown): DeviceConfigCheck<DisplayDeviceConfig> {
  return validateDeviceConfig(input, CONFIG_RULES);
}
