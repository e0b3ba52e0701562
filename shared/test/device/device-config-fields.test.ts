import { describe, expect, it } from 'vitest';
import { validateDeviceConfig } from '../../src/device/parse-device-config';
import { good, sampleRules } from './sample-config';

function problemsOf(input: unknown): string[] {
  const result = validateDeviceConfig(input, sampleRules);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.config)}`);
  return result.problems;
}

describe('the fields every device config has', () => {
  it('names a missing required field', () => {
    const { serverUrl: _left, ...rest } = good;
    expect(problemsOf(rest)).toEqual(['serverUrl（大厅服务器地址）：缺少此项（必填）']);
  });

  it('refuses a server address that is not http or https', () => {
    for (const serverUrl of ['ftp://192.168.1.10', '192.168.1.10:8080', 'file:///C:/hall', 'ws://192.168.1.10:8080']) {
      expect(problemsOf({ ...good, serverUrl })).toEqual([expect.stringMatching(/^serverUrl（大厅服务器地址）：应为 http:\/\/ 或 https:\/\//)]);
    }
  });

  it('refuses an empty or overlong device id, and trims it', () => {
    expect(problemsOf({ ...good, deviceId: '  ' })).toEqual(['deviceId（设备编号）：不能为空']);
    expect(problemsOf({ ...good, deviceId: 'k'.repeat(65) })).toEqual(['deviceId（设备编号）：不能超过 64 个字']);
    expect(validateDeviceConfig({ ...good, deviceId: ' kiosk-01 ' }, sampleRules)).toMatchObject({ ok: true, config: { deviceId: 'kiosk-01' } });
  });

  it('speaks Chinese unless told English', () => {
    expect(validateDeviceConfig(good, sampleRules)).toEqual({ ok: true, config: { ...good, locale: 'zh-CN' } });
    expect(validateDeviceConfig({ ...good, locale: 'en' }, sampleRules)).toEqual({ ok: true, config: { ...good, locale: 'en' } });
  });

  it('refuses window numbers outside 1..999 and non-integers', () => {
    for (const windowNo of [0, 1000, 2.5, '3']) {
      expect(problemsOf({ ...good, windowNo })).toEqual(['windowNo（窗口号）：应为 1 到 999 的整数']);
    }
  });

  it('says a required window number is missing rather than malformed', () => {
    expect(problemsOf({ ...good, place: { kind: 'window' } })).toEqual(['place.windowNo：缺少此项（必填）']);
  });
});
