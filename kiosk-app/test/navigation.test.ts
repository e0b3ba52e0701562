import { describe, expect, it } from 'vitest';
import { startUrl } from '../src/main/navigation';

describe('the page the kiosk opens', () => {
  const base = { serverUrl: 'http://192.168.1.10:8080', deviceId: 'kiosk-01', printer: { kind: 'none' }, locale: 'zh-CN' } as const;

  it('opens the kiosk page with the device id', () => {
    expect(startUrl({ ...base, mode: 'kiosk' })).toBe('http://192.168.1.10:8080/kiosk?device=kiosk-01');
  });

  it('opens the evaluation pad of its window, with the device id the hall registered it under', () => {
    expect(startUrl({ ...base, deviceId: 'pad-12', mode: 'pad', windowNo: 12 })).toBe('http://192.168.1.10:8080/pad/12?device=pad-12');
  });
});
