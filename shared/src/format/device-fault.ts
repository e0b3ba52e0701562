import type { DeviceFault } from '../schemas/devices';
import { t, type Locale } from '../i18n/index';

/** A machine's fault as staff read it: by its place ("一楼大厅东侧取号机"), its id if it has none. */
export function deviceFaultText(fault: DeviceFault, locale: Locale): string {
  // The server's message is Chinese; other languages name the fault from the table.
  const message = locale === 'zh-CN' ? fault.message : t(locale, `device.fault.${fault.fault}`);
  return t(locale, 'console.deviceFault', { place: fault.place ?? fault.deviceId, message });
}
