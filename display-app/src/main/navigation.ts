import { serverPageUrl } from '@hall/shared';
import type { DisplayDeviceConfig } from '../device-config/schema';

export function startUrl(config: DisplayDeviceConfig): string {
  switch (config.screen.kind) {
    case 'hall':
      return serverPageUrl(config.serverUrl, 'display/hall', { device: config.deviceId });
    case 'window':
      return serverPageUrl(config.serverUrl, `display/window/${config.screen.windowNo}`, { device: config.deviceId });
  }
}
