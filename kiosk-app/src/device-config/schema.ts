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
  validateDeviceConfig,
  type DeviceConfigCheck,
  type DeviceConfigRules,
} from '@hall/shared';
import { z } from 'zod';

// The device config file is written by hand on site, one per machine. Strict objects, so a
// misspelt key is reported instead of silently falling back to a default.

const TCP_ADDRESS = /^tcp:\/\/[A-Za-z0-9.-]+:(\d{1,5})$/;
function isTcpAddress(text: string): boolean {
  const port = Number(TCP_ADDRESS.exec(text)?.[1] ?? 0);
  return port >= 1 && port <= 65535;
}

const Printer = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('network'),
    address: z.string().refine(isTcpAddress, { error: '应为 "tcp://地址:端口" 的形式，例如 "tcp://192.168.1.50:9100"' }),
  }),
  z.strictObject({ kind: z.literal('system'), name: z.string().trim().min(1, { error: '不能为空' }) }),
  z.strictObject({ kind: z.literal('none') }),
]);

const Config = z
  .strictObject({
    serverUrl: DeviceServerUrl,
    deviceId: DeviceId,
    mode: z.enum(['kiosk', 'pad']),
    windowNo: DeviceWindowNo.optional(),
    printer: Printer.default({ kind: 'none' }),
    locale: DeviceLocale,
    // Trust on the LAN (issue 15): the device's credential, and the hall server's certificate pinned.
    credential: DeviceCredentialField.optional(),
    serverCertSha256: ServerCertSha256.optional(),
  })
  .superRefine(checkPinnedServer)
  .refine((config) => config.mode !== 'pad' || config.windowNo !== undefined, {
    path: ['windowNo'],
    error: '评价器（mode 为 "pad"）必须填写所在的窗口号',
    // Checked even when other fields are wrong, so the screen lists every problem at once.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

/** A pad always knows its window: the refinement above guarantees it. */
export type KioskDeviceConfig = z.output<typeof Config> &
  ({ mode: 'kiosk' } | { mode: 'pad'; windowNo: number });

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...DEVICE_FIELD_LABELS,
  ...DEVICE_TRUST_LABELS,
  mode: '设备类型：kiosk 取号机，pad 评价器',
  windowNo: '窗口号',
  printer: '打印机',
  'printer.kind': '打印机类型：network 网络打印机，system 系统打印机，none 不打印',
  'printer.address': '网络打印机地址',
  'printer.name': '系统打印机名称',
};

export const CONFIG_RULES: DeviceConfigRules<KioskDeviceConfig> = {
  schema: Config as z.ZodType<KioskDeviceConfig>,
  labels: FIELD_LABELS,
};

export function checkDeviceConfig(input: unknown): DeviceConfigCheck<KioskDeviceConfig> {
  return validateDeviceConfig(input, CONFIG_RULES);
}
