import { serverPageUrl, withCredential } from '@hall/shared';
import type { DisplayDeviceConfig } from '../device-config/schema';

/** The screen's page: with its credential when it has one, else the page pairs first. */
export function startUrl(config: DisplayDeviceConfig): string {
  const page = config.screen.kind === 'hall' ? 'display/hall' : `display/window/${config.screen.windowNo}`;
  return withCredential(serverPageUrl(config.serverUrl, page), config.credential);
}
