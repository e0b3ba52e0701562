import type { DisplayDeviceConfig } from './device-config/schema';

// What the hall server's screen pages may ask of the machine they run on. The preload exposes
// exactly this object as `window.hallDisplay`; nothing else crosses.

export const BRIDGE_NAME = 'hallDisplay';

export const IpcChannel = {
  deviceConfig: 'device-config',
} as const;

export interface HallDisplayBridge {
  deviceConfig(): Promise<DisplayDeviceConfig>;
}
