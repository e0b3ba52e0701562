import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deviceConfigPath, loadDeviceConfig } from '../src/device-config/load';

// How the file is chosen and what its text means is tested once, in shared/test/device. Here:
// that this app wires them to node:path, node:fs, its own env var and its own schema.

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.join(here, '..', 'device-config.example.json');

describe('the display device config file', () => {
  it('is the file DISPLAY_CONFIG names, read with the display schema', () => {
    const file = deviceConfigPath({ env: { DISPLAY_CONFIG: example }, userData: '/nowhere' });
    expect(loadDeviceConfig(file)).toMatchObject({ ok: true, config: { screen: { kind: 'hall' }, monitor: 0 } });
  });

  it('is otherwise device-config.json in the user data folder; if missing, the problem names DISPLAY_CONFIG', () => {
    const file = deviceConfigPath({ env: {}, userData: here });
    expect(file).toBe(path.join(here, 'device-config.json'));
    const problem = expect.stringMatching(/^找不到设备配置文件：.*device-config\.json\n.*环境变量 DISPLAY_CONFIG/);
    expect(loadDeviceConfig(file)).toEqual({ ok: false, problem });
  });

  it('cannot be a folder', () => {
    expect(loadDeviceConfig(here)).toEqual({ ok: false, problem: expect.stringMatching(/^无法读取设备配置文件：.*（EISDIR）$/) });
  });
});
