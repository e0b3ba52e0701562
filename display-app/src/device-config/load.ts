import { readFileSync } from 'node:fs';
import path from 'node:path';
import { locateDeviceConfig, readDeviceConfig, type DeviceConfigLoad, type DeviceConfigPlace } from '@hall/shared';
import { CONFIG_RULES, type DisplayDeviceConfig } from './schema';

export const CONFIG_ENV = 'DISPLAY_CONFIG';

export function deviceConfigPath(where: DeviceConfigPlace): string {
  return locateDeviceConfig(where, CONFIG_ENV, path);
}

export function loadDeviceConfig(file: string): DeviceConfigLoad<DisplayDeviceConfig> {
  return readDeviceConfig((name) => readFileSync(name, 'utf8'), { ...CONFIG_RULES, file, envVar: CONFIG_ENV });
}
