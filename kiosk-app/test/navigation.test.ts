import { describe, expect, it } from 'vitest';
import { startUrl } from '../src/main/navigation';

describe('the page the kiosk opens', () => {
  const base = { serverUrl: 'http://192.168.1.10:8080', deviceId: 'kiosk-01', printer: { kind: 'none' }, locale: 'zh-CN' } as const;

  const credential = `hqd_${'a'.repeat(43)}`;

  it('opens the kiosk page with its credential in the fragment', () => {
    expect(startUrl({ ...base, mode: 'kiosk', credential })).toBe(`http://192.168.1.10:8080/kiosk#token=${credential}`);
  });

  it('opens the evaluation pad of its window, with its credential', () => {
    expect(startUrl({ ...base, deviceId: 'pad-12', mode: 'pad', windowNo: 12, credential })).toBe(`http://192.168.1.10:8080/pad/12#token=${credential}`);
  });

  it('without a credential opens the page bare: it shows its pairing code', () => {
    expect(startUrl({ ...base, mode: 'kiosk' })).toBe('http://192.168.1.10:8080/kiosk');
  });
});
