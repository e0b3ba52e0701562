import { describe, expect, it } from 'vitest';
import { addressWithoutCredential, credentialKey, fragmentCredential, pageElsewhere } from '../../src/device/device-credential';

describe('a device page’s credential', () => {
  it('is read from the fragment, and only from its own parameter', () => {
    expect(fragmentCredential('#token=hqd_abc')).toBe('hqd_abc');
    expect(fragmentCredential('#lang=en&token=hqd_abc')).toBe('hqd_abc');
    expect(fragmentCredential('')).toBeNull();
    expect(fragmentCredential('#token=')).toBeNull();
    expect(fragmentCredential('#tokens=hqd_abc')).toBeNull();
  });

  it('is taken off the address, leaving the rest of it', () => {
    expect(addressWithoutCredential({ pathname: '/pad/3', search: '?lang=en', hash: '#token=hqd_abc' })).toBe('/pad/3?lang=en');
    expect(addressWithoutCredential({ pathname: '/kiosk', search: '', hash: '#token=hqd_abc&x=1' })).toBe('/kiosk#x=1');
  });

  it('is kept under one key per kind of device', () => {
    expect(credentialKey('kiosk')).not.toBe(credentialKey('pad'));
  });

  it('fits a pad at its own window only, and a kiosk at the kiosk page only', () => {
    expect(pageElsewhere({ kind: 'pad', windowNo: 3 }, { kind: 'pad', windowNo: 3 })).toBeNull();
    expect(pageElsewhere({ kind: 'pad', windowNo: 5 }, { kind: 'pad', windowNo: 3 })).toBe('/pad/5');
    expect(pageElsewhere({ kind: 'kiosk', windowNo: null }, { kind: 'kiosk', windowNo: null })).toBeNull();
    expect(pageElsewhere({ kind: 'hall-screen', windowNo: null }, { kind: 'window-screen', windowNo: 2 })).toBe('/display/hall');
  });
});
