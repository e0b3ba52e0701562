import { DeviceFaultChanged, HallSnapshot, HelpRequestChanged, HelpRequestReply, IssueTicketReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login, startTestHall, type TestHall } from '../support/hall-server';

// What a kiosk tells the hall: an honest reply for a category nobody serves, its printer's faults
// and 呼叫导服员, named by the kiosk's place from the demo hall's set-up.

describe('the kiosk and the hall', () => {
  let hall: TestHall;
  let base: string;
  // Monday 10:00 in the hall: open, the morning guide (1006 杨帆) and captain 2001 on duty.
  const now = Date.parse('2026-03-02T10:00:00+08:00');
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  it('answers a ticket nobody will call with no estimate, then with one once a window opens', async () => {
    const reply = (await api(base, 'POST', '/api/tickets', { body: { category: 'K' } })).body;
    // The unknown wait is the whole answer: no second flag saying the same.
    expect(Object.keys(reply).sort()).toEqual(['ahead', 'estimatedWaitMinutes', 'secret', 'ticket']);
    const first = IssueTicketReply.parse(reply);
    expect(first).toMatchObject({ ahead: 0, estimatedWaitMinutes: null });
    await login(base, '1003', 3);
    const windows = (await api(base, 'GET', '/api/windows')).body.windows as { no: number; categories: string[] }[];
    const category = windows.find((w) => w.no === 3)!.categories[0]!;
    const served = IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category } })).body);
    expect(served.estimatedWaitMinutes).not.toBeNull();
  });

  it('names the kiosk by its place in faults and in the snapshot', async () => {
    const screen = connect(base, { client: 'console', windowNo: 6 });
    const snapshot = HallSnapshot.parse(await screen.waitFor('hall:snapshot'));
    expect(snapshot.kiosks).toEqual([
      { deviceId: 'kiosk-01', name: '一楼大厅东侧取号机' },
      { deviceId: 'kiosk-02', name: '一楼大厅西侧取号机' },
    ]);
    expect(snapshot.unattendedTickets).toBe('allow');
    await api(base, 'PUT', '/api/devices/kiosk-01/status', { body: { part: 'printer', fault: 'paper_out' } });
    const change = DeviceFaultChanged.parse(await screen.waitFor('device:fault'));
    expect(change.fault).toMatchObject({ deviceId: 'kiosk-01', place: '一楼大厅东侧取号机', fault: 'paper_out' });
  });

  it('takes 呼叫导服员 only from the hall\'s own kiosks', async () => {
    const stranger = await api(base, 'POST', '/api/help-requests', { body: { deviceId: 'kiosk-99' } });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error).toMatchObject({ code: 'KIOSK_NOT_REGISTERED', message: '这台取号机没有登记，请联系管理员' });
    expect((await api(base, 'GET', '/api/help-requests')).body.helpRequests).toEqual([]);
  });

  it('carries 呼叫导服员 live to consoles and the office, once per kiosk, until handled', async () => {
    const console6 = connect(base, { client: 'console', windowNo: 6 });
    HallSnapshot.parse(await console6.waitFor('hall:snapshot'));
    const asked = await api(base, 'POST', '/api/help-requests', { body: { deviceId: 'kiosk-02' } });
    expect(asked.status).toBe(201);
    const { helpRequest } = HelpRequestReply.parse(asked.body);
    expect(helpRequest).toMatchObject({ deviceId: 'kiosk-02', place: '一楼大厅西侧取号机', handledAt: null, handledBy: null });
    expect(HelpRequestChanged.parse(await console6.waitFor('help:changed')).helpRequest.id).toBe(helpRequest.id);
    // Tapped again before anyone came: the same request.
    const again = HelpRequestReply.parse((await api(base, 'POST', '/api/help-requests', { body: { deviceId: 'kiosk-02' } })).body);
    expect(again.helpRequest.id).toBe(helpRequest.id);

    const late = connect(base, { client: 'hall-screen' });
    expect(HallSnapshot.parse(await late.waitFor('hall:snapshot')).helpRequests.map((h) => h.id)).toEqual([helpRequest.id]);
    // A phone page is anyone's: it is told neither the kiosks' device ids nor who is asking for help.
    const phone = HallSnapshot.parse(await connect(base, { client: 'phone' }).waitFor('hall:snapshot'));
    expect(phone).toMatchObject({ kiosks: [], helpRequests: [] });

    // Staff who are not guides or captains cannot mark it; nobody unsigned can.
    expect((await api(base, 'POST', `/api/help-requests/${helpRequest.id}/handled`)).status).toBe(401);
    const windowOnly = await login(base, '1001', 1);
    expect((await api(base, 'POST', `/api/help-requests/${helpRequest.id}/handled`, { token: windowOnly })).status).toBe(403);

    const guide = await login(base, '1006', 6);
    const handled = await api(base, 'POST', `/api/help-requests/${helpRequest.id}/handled`, { token: guide });
    expect(handled.status).toBe(200);
    expect(HelpRequestReply.parse(handled.body).helpRequest).toMatchObject({ handledBy: { staffNo: '1006', name: '杨帆' } });
    const heard = HelpRequestChanged.parse(await console6.waitFor('help:changed', (p) => p.helpRequest.handledAt !== null));
    expect(heard.helpRequest.handledBy?.staffNo).toBe('1006');
    expect((await api(base, 'GET', '/api/help-requests')).body.helpRequests).toEqual([]);

    const office = await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } });
    const next = HelpRequestReply.parse((await api(base, 'POST', '/api/help-requests', { body: { deviceId: 'kiosk-01' } })).body);
    const byCaptain = await api(base, 'POST', `/api/help-requests/${next.helpRequest.id}/handled`, { token: office.body.token });
    expect(HelpRequestReply.parse(byCaptain.body).helpRequest.handledBy?.name).toBe('章建国');
  });
});

describe('呼叫导服员 and a restart of the hall server', () => {
  const now = Date.parse('2026-03-02T10:00:00+08:00');

  it('still knows the kiosk waiting for a guide, and that a handled one was handled', async () => {
    const hall = await startTestHall({ clock: { now: () => now } });
    try {
      const base = hall.server.url;
      const guide = await login(base, '1006', 6);
      const done = HelpRequestReply.parse((await api(base, 'POST', '/api/help-requests', { body: { deviceId: 'kiosk-01' } })).body).helpRequest;
      await api(base, 'POST', `/api/help-requests/${done.id}/handled`, { token: guide });
      const waiting = HelpRequestReply.parse((await api(base, 'POST', '/api/help-requests', { body: { deviceId: 'kiosk-02' } })).body).helpRequest;

      await hall.restart();
      const open = (await api(base, 'GET', '/api/help-requests')).body.helpRequests;
      expect(open).toMatchObject([{ id: waiting.id, deviceId: 'kiosk-02', place: '一楼大厅西侧取号机', requestedAt: waiting.requestedAt, handledAt: null }]);
      // The kiosk tapping again after the restart is still the same request.
      const again = HelpRequestReply.parse((await api(base, 'POST', '/api/help-requests', { body: { deviceId: 'kiosk-02' } })).body).helpRequest;
      expect(again.id).toBe(waiting.id);
      const handledAgain = await api(base, 'POST', `/api/help-requests/${done.id}/handled`, { token: await login(base, '1006', 6) });
      expect(HelpRequestReply.parse(handledAgain.body).helpRequest).toMatchObject({ handledAt: done.requestedAt, handledBy: { staffNo: '1006' } });
    } finally {
      await hall.stop();
    }
  });
});
