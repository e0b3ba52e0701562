import { HallSnapshot } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login, startTestHall, type TestHall } from '../support/hall-server';

describe('a restart of the hall server', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.stop());

  it('keeps tickets, numbering, signed-in windows and the latest calls; screens are current again', async () => {
    let base = hall.server.url;
    const issued = [];
    for (let i = 0; i < 3; i++) issued.push((await api(base, 'POST', '/api/tickets', { body: { category: 'D' } })).body.ticket);
    const token = await login(base, '1008', 8);
    await api(base, 'POST', '/api/windows/8/call-next', { token });

    const screen = connect(base, { client: 'hall-screen' });
    await screen.waitFor('hall:snapshot');
    await hall.restart();
    base = hall.server.url;
    // The server came back on another port: the screen's own reconnection cannot find it,
    // so it connects anew, as a screen pointed at the new address would.
    screen.socket.close();
    const again = connect(base, { client: 'hall-screen' });
    const snapshot = HallSnapshot.parse(await again.waitFor('hall:snapshot'));
    expect(snapshot.recentCalls.map((c) => [c.number, c.windowNo])).toEqual([['D001', 8]]);
    expect(snapshot.windows.find((w) => w.no === 8)).toMatchObject({ state: 'open', servingNumber: 'D001' });
    expect(snapshot.categories.find((c) => c.code === 'D')!.waiting).toBe(2);

    expect((await api(base, 'POST', '/api/tickets', { body: { category: 'D' } })).body.ticket.number).toBe('D004');
    expect((await api(base, 'GET', `/api/tickets/${issued[2].id}`)).body).toMatchObject({ ticket: { status: 'waiting' }, ahead: 1 });
    const finished = await api(base, 'POST', '/api/windows/8/finish', { token });
    expect(finished.body.ticket.number).toBe('D001');
    again.socket.close();
  });
});
