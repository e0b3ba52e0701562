import { describe, expect, it } from 'vitest';
import type { EnrolDeviceBody } from '@hall/shared';
import { DomainError } from '../../src/domain';
import { Pairings } from '../../src/devices/pairings';

// The pairing table in memory: expiring requests, codes unique among the pending, and caps a
// flood of requests cannot get past.

const enrolAs = (role: EnrolDeviceBody) => ({ device: { id: 'hall-screen-2', kind: role.kind, windowNo: role.windowNo ?? null, name: role.name }, token: `hqd_${'x'.repeat(43)}` });

describe('pairings', () => {
  it('a request expires after its time, and a code no longer pairs then', () => {
    let now = 0;
    const pairings = new Pairings(() => now, { ttlMs: 1000, maxPending: 10, maxPerAddress: 10 });
    const { pairingId, code } = pairings.request({ kind: 'hall-screen' }, '10.0.0.5');
    now = 999;
    expect(pairings.status(pairingId)).toMatchObject({ status: 'waiting', code });
    now = 1000;
    expect(pairings.status(pairingId)).toEqual({ status: 'expired' });
    expect(pairings.pending()).toEqual([]);
    expect(() => pairings.approve({ code, kind: 'hall-screen', name: '大厅屏' }, enrolAs)).toThrow(new DomainError('PAIRING_NOT_FOUND'));
  });

  it('codes are unique among the pending requests', () => {
    const pairings = new Pairings(() => 0, { ttlMs: 1000, maxPending: 900, maxPerAddress: 900 });
    const codes = Array.from({ length: 900 }, () => pairings.request({ kind: 'kiosk' }, '10.0.0.5').code);
    expect(new Set(codes).size).toBe(900);
  });

  it('one address holds at most its share: its oldest request makes room for its newest', () => {
    const pairings = new Pairings(() => 0, { ttlMs: 1000, maxPending: 10, maxPerAddress: 2 });
    const first = pairings.request({ kind: 'kiosk' }, '10.0.0.5');
    pairings.request({ kind: 'kiosk' }, '10.0.0.5');
    pairings.request({ kind: 'kiosk' }, '10.0.0.5');
    expect(pairings.pending()).toHaveLength(2);
    expect(pairings.status(first.pairingId)).toEqual({ status: 'expired' });
    pairings.request({ kind: 'kiosk' }, '10.0.0.6');
    expect(pairings.pending().map((p) => p.address)).toEqual(['10.0.0.5', '10.0.0.5', '10.0.0.6']);
  });

  it('a full table refuses new requests with its own code', () => {
    const pairings = new Pairings(() => 0, { ttlMs: 1000, maxPending: 3, maxPerAddress: 1 });
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) pairings.request({ kind: 'kiosk' }, address);
    expect(() => pairings.request({ kind: 'kiosk' }, '10.0.0.4')).toThrow(new DomainError('PAIRINGS_FULL'));
  });

  it('an approved request answers its credential until its time is up (a lost answer is asked again), then is forgotten', () => {
    let now = 0;
    const pairings = new Pairings(() => now, { ttlMs: 1000, maxPending: 10, maxPerAddress: 10 });
    const { pairingId, code } = pairings.request({ kind: 'window-screen', windowNo: 3 }, '10.0.0.5');
    const device = pairings.approve({ code, kind: 'hall-screen', name: '二楼大厅屏' }, enrolAs);
    expect(device).toEqual({ id: 'hall-screen-2', kind: 'hall-screen', windowNo: null, name: '二楼大厅屏' });
    expect(pairings.pending()).toEqual([]);
    const paired = pairings.status(pairingId);
    expect(paired).toMatchObject({ status: 'paired', device, token: expect.stringMatching(/^hqd_/) });
    now = 999;
    expect(pairings.status(pairingId)).toEqual(paired);
    now = 1000;
    expect(pairings.status(pairingId)).toEqual({ status: 'expired' });
    expect(() => pairings.approve({ code, kind: 'hall-screen', name: '二楼大厅屏' }, enrolAs)).toThrow(new DomainError('PAIRING_NOT_FOUND'));
  });
});
