import { serverPageUrl, withCredential } from '@hall/shared';
import type { KioskDeviceConfig } from '../device-config/schema';

/** The page the shell shows: with the device's credential when it has one, else the page pairs first. */
export function startUrl(config: KioskDeviceConfig): string {
  const page = config.mode === 'kiosk' ? 'kiosk' : `pad/${config.windowNo}`;
  return withCredential(serverPageUrl(config.serverUrl, page), config.credential);
}
