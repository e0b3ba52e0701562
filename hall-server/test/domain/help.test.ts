import { describe, expect, it } from 'vitest';
import { handleHelpRequest, kioskPlace, openHelpRequests, requestHelp } from '../../src/domain';
import { TestHall, sh } from './fixtures';

// 呼叫导服员: a kiosk asks for a guide once until someone goes; a guide, the duty captain or an
// administrator marks it handled; a kiosk is named by its place when the hall set it up.

function hall(): TestHall {
  // The default hall: window staff 101-105, duty captain 300.
  const h = new TestHall({}, sh('2026-03-02 10:00'));
  h.state = { ...h.state, setup: { ...h.state.setup, kiosks: [
    { deviceId: 'kiosk-01', name: '一楼大厅东侧取号机' },
    { deviceId: 'kiosk-02', name: '一楼大厅西侧取号机' },
  ] } };
  return h;
}

describe('help requests', () => {
  it('keeps one open request per kiosk, and logs it', () => {
    const h = hall();
    const first = h.run((s, c) => requestHelp(s, { deviceId: 'kiosk-01' }, c));
    expect(first.events.filter((e) => e.type.startsWith('help.'))).toMatchObject([{ type: 'help.requested', deviceId: 'kiosk-01', helpRequestId: first.result.id }]);
    h.advance(1);
    const again = h.run((s, c) => requestHelp(s, { deviceId: 'kiosk-01' }, c));
    expect(again.result.id).toBe(first.result.id);
    expect(again.events).toEqual([]);
    h.run((s, c) => requestHelp(s, { deviceId: 'kiosk-02' }, c));
    expect(openHelpRequests(h.state).map((r) => r.deviceId)).toEqual(['kiosk-01', 'kiosk-02']);
  });

  it('is asked only by the hall\'s own kiosks', () => {
    const h = hall();
    h.refuse((s, c) => requestHelp(s, { deviceId: 'kiosk-09' }, c), 'KIOSK_NOT_REGISTERED');
  });

  it('is handled by a guide or the captain only, once', () => {
    const h = hall();
    const { id } = h.run((s, c) => requestHelp(s, { deviceId: 'kiosk-01' }, c)).result;
    h.refuse((s, c) => handleHelpRequest(s, { id, staffNo: '101' }, c), 'FORBIDDEN'); // window staff
    h.refuse((s, c) => handleHelpRequest(s, { id: 'nope', staffNo: '300' }, c), 'HELP_REQUEST_NOT_FOUND');
    const handled = h.run((s, c) => handleHelpRequest(s, { id, staffNo: '300' }, c));
    expect(handled.result).toMatchObject({ handledBy: '300', handledAt: h.now });
    expect(openHelpRequests(h.state)).toEqual([]);
    // Asked again after someone went: a new request.
    expect(h.run((s, c) => requestHelp(s, { deviceId: 'kiosk-01' }, c)).result.id).not.toBe(id);
  });

  it('leaves yesterday\'s requests, open or handled, to the event log when the next service day opens', () => {
    const h = hall();
    const { id } = h.run((s, c) => requestHelp(s, { deviceId: 'kiosk-01' }, c)).result;
    h.run((s, c) => handleHelpRequest(s, { id, staffNo: '300' }, c));
    h.run((s, c) => requestHelp(s, { deviceId: 'kiosk-02' }, c));
    h.setClock(sh('2026-03-03 08:45'));
    const next = h.run((s, c) => requestHelp(s, { deviceId: 'kiosk-02' }, c));
    expect(next.events.map((e) => e.type)).toEqual(['day.opened', 'help.requested']);
    expect([...h.state.helpRequests.values()]).toEqual([next.result]);
    expect(h.log.filter((e) => e.type.startsWith('help.')).map((e) => e.type)).toEqual(['help.requested', 'help.handled', 'help.requested', 'help.requested']);
  });

  it('names a kiosk by its place, or not at all', () => {
    const h = hall();
    expect(kioskPlace(h.state, 'kiosk-01')).toBe('一楼大厅东侧取号机');
    expect(kioskPlace(h.state, 'kiosk-09')).toBeNull();
  });
});
