import { describe, expect, it } from 'vitest';
import { startUrl } from '../src/main/navigation';

describe('the page a screen opens', () => {
  const base = { serverUrl: 'http://192.168.1.10:8080', deviceId: 'screen-01', monitor: 0, locale: 'zh-CN' } as const;

  it('opens the hall screen', () => {
    expect(startUrl({ ...base, screen: { kind: 'hall' } })).toBe(`http://192.168.1.10:8080/display/hall?device=${base.deviceId}`);
  });

  it('opens the window screen of its window', () => {
    expect(startUrl({ ...base, screen: { kind: 'window', windowNo: 8 } })).toBe(`http://192.168.1.10:8080/display/window/8?device=${base.deviceId}`);
  });
});
