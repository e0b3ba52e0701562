import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDeviceConfig } from '../src/device-config/schema';

const example: unknown = JSON.parse(readFileSync(new URL('../device-config.example.json', import.meta.url), 'utf8'));
const hall = { serverUrl: 'http://192.168.1.10:8080', deviceId: 'hall-screen-01', screen: { kind: 'hall' } };

function problemsOf(input: unknown): string[] {
  const result = checkDeviceConfig(input);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.config)}`);
  return result.problems;
}

describe('display device config schema', () => {
  it('accepts the example file shipped with the app', () => {
    expect(checkDeviceConfig(example)).toMatchObject({ ok: true, config: { screen: { kind: 'hall' }, monitor: 0, serverCertSha256: expect.stringMatching(/^3A:1F/) } });
  });

  it('fills in the first monitor and Chinese when they are left out', () => {
    expect(checkDeviceConfig(hall)).toEqual({ ok: true, config: { ...hall, monitor: 0, locale: 'zh-CN' } });
  });

  it('accepts a window screen on the second monitor', () => {
    const window = { ...hall, screen: { kind: 'window', windowNo: 5 }, monitor: 1, locale: 'en' };
    expect(checkDeviceConfig(window)).toEqual({ ok: true, config: window });
  });

  it('requires the window number of a window screen', () => {
    expect(problemsOf({ ...hall, screen: { kind: 'window' } })).toEqual(['screen.windowNo（窗口屏所在的窗口号）：缺少此项（必填）']);
  });

  it('requires the screen and names it', () => {
    const { screen: _left, ...rest } = hall;
    expect(problemsOf(rest)).toEqual(['screen（屏幕用途）：缺少此项（必填）']);
  });

  it('refuses an unknown screen kind, listing the ones it knows', () => {
    expect(problemsOf({ ...hall, screen: { kind: 'lobby' } })).toEqual([expect.stringMatching(/^screen\.kind（.*）：应为以下之一："hall"、"window"$/)]);
  });

  it('refuses a negative or fractional monitor', () => {
    for (const monitor of [-1, 0.5, '1']) {
      expect(problemsOf({ ...hall, monitor })).toEqual([expect.stringMatching(/^monitor（.*）：应为 0 或更大的整数/)]);
    }
  });

  it('reports a misspelt key instead of ignoring it', () => {
    expect(problemsOf({ ...hall, moniter: 1 })).toEqual(['moniter：不认识这一项，可能拼写有误，或不该写在这里']);
    expect(problemsOf({ ...hall, screen: { kind: 'hall', windowNo: 3 } })).toEqual(['screen.windowNo：不认识这一项，可能拼写有误，或不该写在这里']);
  });

  it('lists every bad field at once', () => {
    const problems = problemsOf({ serverUrl: 5, deviceId: '', screen: { kind: 'window', windowNo: 0 }, monitor: -2, locale: 'fr' });
    expect(problems.map((line) => line.split('（')[0])).toEqual(['serverUrl', 'deviceId', 'screen.windowNo', 'monitor', 'locale']);
  });
});
