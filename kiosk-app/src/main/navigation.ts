import { serverPageUrl } from '@hall/shared';
import type { KioskDeviceConfig } from '../device-config/schema';

export function startUrl(config: KioskDeviceConfig): string {
  switch (config.mode) {
    case 'kiosk':
      return serverPageUrl(config.serverUrl, 'kiosk', { device: config.deviceId });
    case 'pad':
      return serverPageUrl(config.serverUrl, `pad/${config.windowNo}`, { device: config.deviceId });
  }
}
