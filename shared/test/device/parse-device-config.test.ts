import { describe, expect, it } from 'vitest';
import { locateDeviceConfig, parseDeviceConfig, readDeviceConfig } from '../../src/device/parse-device-config';
import { good, sampleRules } from './sample-config';

const file = 'C:\\hall\\device-config.json';
const source = { ...sampleRules, file, envVar: 'KIOSK_CONFIG' };

function problemOf(result: { ok: true } | { ok: false; problem: string }): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.problem;
}

describe('finding the device config file', () => {
  // Stands in for node:path, which this package's tests cannot import.
  const path = { resolve: (p: string) => `/cwd/${p}`, join: (folder: string, name: string) => `${folder}/${name}` };

  it('uses device-config.json in the user data folder by default', () => {
    expect(locateDeviceConfig({ env: {}, userData: '/data' }, 'KIOSK_CONFIG', path)).toBe('/data/device-config.json');
  });

  it('prefers the env var when it is set, resolving it', () => {
    expect(locateDeviceConfig({ env: { KIOSK_CONFIG: ' test.json ' }, userData: '/data' }, 'KIOSK_CONFIG', path)).toBe('/cwd/test.json');
  });

  it('ignores an empty env var, and another app\'s', () => {
    expect(locateDeviceConfig({ env: { KIOSK_CONFIG: ' ' }, userData: '/data' }, 'KIOSK_CONFIG', path)).toBe('/data/device-config.json');
    expect(locateDeviceConfig({ env: { DISPLAY_CONFIG: 'a.json' }, userData: '/data' }, 'KIOSK_CONFIG', path)).toBe('/data/device-config.json');
  });
});

describe('parsing the device config file', () => {
  it('says which file is missing and how to make one', () => {
    const problem = problemOf(parseDeviceConfig(null, source));
    expect(problem).toContain(`找不到设备配置文件：${file}`);
    expect(problem).toContain('device-config.example.json');
    expect(problem).toContain('环境变量 KIOSK_CONFIG');
  });

  it('says the file is not valid JSON', () => {
    expect(problemOf(parseDeviceConfig('{ "serverUrl": "http://h", }', source))).toMatch(
      /^设备配置文件不是有效的 JSON：C:\\hall\\device-config\.json\n请检查引号、逗号和括号是否成对（.+）$/,
    );
  });

  it('lists the bad fields of a file that parses', () => {
    const text = JSON.stringify({ serverUrl: 'http://h', typo: 1, windowNo: 0 });
    expect(parseDeviceConfig(text, source)).toEqual({
      ok: false,
      problem: [
        `设备配置文件有以下问题：${file}`,
        '• deviceId（设备编号）：缺少此项（必填）',
        '• windowNo（窗口号）：应为 1 到 999 的整数',
        '• typo：不认识这一项，可能拼写有误，或不该写在这里',
      ].join('\n'),
    });
  });

  it('parses a good file, also one saved with a byte-order mark', () => {
    for (const prefix of ['', '\uFEFF']) {
      expect(parseDeviceConfig(prefix + JSON.stringify(good), source)).toEqual({ ok: true, config: { ...good, locale: 'zh-CN' } });
    }
  });
});

describe('reading the device config file', () => {
  it('reads the file it names', () => {
    const read = (name: string) => (name === file ? JSON.stringify(good) : '');
    expect(readDeviceConfig(read, source)).toEqual({ ok: true, config: { ...good, locale: 'zh-CN' } });
  });

  it('treats a missing file (ENOENT) as no file', () => {
    const read = () => {
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    };
    expect(readDeviceConfig(read, source)).toEqual(parseDeviceConfig(null, source));
  });

  it('names the error code of any other failure', () => {
    const read = () => {
      throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    };
    expect(problemOf(readDeviceConfig(read, source))).toBe(`无法读取设备配置文件：${file}（EACCES）`);
  });
});
