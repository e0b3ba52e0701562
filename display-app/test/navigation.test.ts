import { describe, expect, it } from 'vitest';
import { startUrl } from '../src/main/navigation';

describe('the page a screen opens', () => {
  const base = { serverUrl: 'http://192.168.1.10:8080', deviceId: 'screen-01', monitor: 0, locale: 'zh-CN' } as const;

  const credential = `hqd_${'b'.repeat(43)}`;

  it('opens the hall screen, with its credential in the fragment', () => {
    expect(startUrl({ ...base, screen: { kind: 'hall' }, credential })).toBe(`http://192.168.1.10:8080/display/hall#token=${credential}`);
  });

  it('opens the window screen of its window; without a credential, bare (it pairs first)', () => {
    expect(startUrl({ ...base, screen: { kind: 'window', windowNo: 8 } })).toBe('http://192.168.1.10:8080/display/window/8');
  });
});
