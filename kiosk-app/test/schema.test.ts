import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDeviceConfig } from '../src/device-config/schema';

const example: unknown = JSON.parse(readFileSync(new URL('../device-config.example.json', import.meta.url), 'utf8'));
const kiosk = { serverUrl: 'http://192.168.1.10:8080', deviceId: 'kiosk-01', mode: 'kiosk' };

function problemsOf(input: unknown): string[] {
  const result = checkDeviceConfig(input);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.config)}`);
  return result.problems;
}

describe('kiosk device config schema', () => {
  it('accepts the example file shipped with the app', () => {
    const result = checkDeviceConfig(example);
    expect(result).toMatchObject({ ok: true, config: { mode: 'kiosk', printer: { kind: 'network' }, credential: expect.stringMatching(/^hqd_/) } });
  });

  it('takes a device credential, and names a malformed one', () => {
    expect(checkDeviceConfig({ ...kiosk, credential: `hqd_${'x'.repeat(43)}` })).toMatchObject({ ok: true });
    expect(problemsOf({ ...kiosk, credential: 'secret' })).toEqual([expect.stringMatching(/^credential（设备凭证）：应为管理后台登记设备时给出的设备凭证/)]);
  });

  it('pins the server certificate only with an https address', () => {
    const pin = 'AB'.repeat(32);
    expect(checkDeviceConfig({ ...kiosk, serverUrl: 'https://192.168.1.10:8443', serverCertSha256: pin })).toMatchObject({ ok: true });
    expect(problemsOf({ ...kiosk, serverCertSha256: pin })).toEqual([expect.stringMatching(/^serverCertSha256（服务器证书指纹（SHA-256））：只有 https:\/\/ 开头/)]);
    expect(problemsOf({ ...kiosk, serverUrl: 'https://192.168.1.10:8443', serverCertSha256: 'AB:CD' })).toEqual([expect.stringMatching(/应为服务器证书的 SHA-256 指纹/)]);
  });

  it('fills in no printer and Chinese when they are left out', () => {
    expect(checkDeviceConfig(kiosk)).toEqual({
      ok: true,
      config: { ...kiosk, printer: { kind: 'none' }, locale: 'zh-CN' },
    });
  });

  it('accepts an evaluation pad with its window and a system printer', () => {
    const pad = { ...kiosk, mode: 'pad', windowNo: 7, printer: { kind: 'system', name: 'POS-80' }, locale: 'en' };
    expect(checkDeviceConfig(pad)).toEqual({ ok: true, config: pad });
  });

  it('requires the window number of an evaluation pad', () => {
    expect(problemsOf({ ...kiosk, mode: 'pad' })).toEqual(['windowNo（窗口号）：评价器（mode 为 "pad"）必须填写所在的窗口号']);
  });

  it('refuses an unknown mode, listing the ones it knows', () => {
    expect(problemsOf({ ...kiosk, mode: 'screen' })).toEqual([expect.stringMatching(/^mode（.*）：应为以下之一："kiosk"、"pad"$/)]);
  });

  it('refuses a network printer address that is not tcp://host:port', () => {
    for (const address of ['192.168.1.50:9100', 'tcp://192.168.1.50', 'tcp://192.168.1.50:70000', 'http://printer:9100']) {
      expect(problemsOf({ ...kiosk, printer: { kind: 'network', address } })).toEqual([
        expect.stringMatching(/^printer\.address（网络打印机地址）：应为 "tcp:\/\/地址:端口" 的形式/),
      ]);
    }
  });

  it('refuses an unknown printer kind and a system printer without a name', () => {
    expect(problemsOf({ ...kiosk, printer: { kind: 'usb' } })).toEqual([
      expect.stringMatching(/^printer\.kind（.*）：应为以下之一："network"、"system"、"none"$/),
    ]);
    expect(problemsOf({ ...kiosk, printer: { kind: 'system', name: ' ' } })).toEqual(['printer.name（系统打印机名称）：不能为空']);
  });

  it('reports a misspelt key instead of ignoring it', () => {
    expect(problemsOf({ ...kiosk, windowNumber: 3 })).toEqual(['windowNumber：不认识这一项，可能拼写有误，或不该写在这里']);
    expect(problemsOf({ ...kiosk, printer: { kind: 'none', adress: 'x' } })).toEqual(['printer.adress：不认识这一项，可能拼写有误，或不该写在这里']);
  });

  it('lists every bad field at once, pad window included', () => {
    const problems = problemsOf({ serverUrl: 'hall', deviceId: '', mode: 'pad', locale: 'fr' });
    expect(problems.map((line) => line.split('（')[0])).toEqual(['serverUrl', 'deviceId', 'locale', 'windowNo']);
  });
});
