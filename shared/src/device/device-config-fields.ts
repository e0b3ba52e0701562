import { z } from 'zod';
import { unlessMissing } from './config-problems';

// The fields every device config file has, kiosk and screen alike, with the Chinese wording the
// technician reads when one is wrong. Each app builds its own strict schema from these.

export const DeviceServerUrl = z.url({
  protocol: /^https?$/,
  error: unlessMissing('应为 http:// 或 https:// 开头的完整网址，例如 "http://192.168.1.10:8080"'),
});

/** Letters, digits, '.', '_' and '-', a letter or digit first: it names the device in paths and logs ("../.." does not). */
export const DeviceId = z
  .string()
  .trim()
  .min(1, { error: '不能为空' })
  .max(64, { error: '不能超过 64 个字' })
  .regex(/^([A-Za-z0-9][A-Za-z0-9._-]*)?$/, { error: '只能用字母、数字和 . _ -，以字母或数字开头' });

export const DeviceLocale = z.enum(['zh-CN', 'en']).default('zh-CN');

const WINDOW_NO = '应为 1 到 999 的整数';
/** The hall's window numbers (as WindowNo), worded for a hand-written config file. */
export const DeviceWindowNo = z
  .number({ error: unlessMissing(WINDOW_NO) })
  .int({ error: WINDOW_NO })
  .min(1, { error: WINDOW_NO })
  .max(999, { error: WINDOW_NO });

/** The Chinese names of the common fields, for an app's field labels to spread in. */
export const DEVICE_FIELD_LABELS: Readonly<Record<string, string>> = {
  serverUrl: '大厅服务器地址',
  deviceId: '设备编号',
  locale: '界面语言',
};
