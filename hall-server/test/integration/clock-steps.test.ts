import Database from 'better-sqlite3';
import { SummaryReport } from '@hall/shared';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, deviceToken, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// The PC's clock stepped back 10 minutes and forward an hour during a busy day, on a real
// server whose PC clocks the test moves (docs/OPERATIONS.md, "The hall's clock"): `pass` is true
// time going by, `step` moves only the wall clock, as NTP or a person does.

const MIN = 60_000;
const local = (at: string) => Date.parse(`${at}+08:00`);

describe('the hall’s clock when the PC’s clock is stepped', () => {
  let hall: TestHall;
  let base: string;
  let wall = local('2026-12-08T09:00:00');
  let mono = 1_000;
  const pass = (ms: number) => {
    wall += ms;
    mono += ms;
  };
  const step = (ms: number) => {
    wall += ms;
  };
  const logged: { code?: string; stepMs?: number; movedMs?: number }[] = [];
  const clockLines = () => logged.filter((line) => line.code?.startsWith('CLOCK_'));

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    hall = await startTestHall({ clockSources: { wall: () => wall, monotonic: () => mono }, logger });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  const issue = async () => (await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } })).body.ticket;
  const act = async (token: string, windowNo: number, action: 'call-next' | 'finish') => {
    const reply = await api(base, 'POST', `/api/windows/${windowNo}/${action}`, { token, body: {} });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  };
  const read = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(hall.dbPath, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  it('keeps numbering, every wait and visit true, the events in order and the day’s report right; each step logged once', async () => {
    const [w1, w2] = [await login(base, '1001', 1), await login(base, '1002', 2)];
    await issue(); // A001 at 0
    pass(2 * MIN);
    await issue(); // A002 at 2
    pass(3 * MIN);
    await act(w1, 1, 'call-next'); // A001 waited 5
    pass(MIN);
    step(-10 * MIN);
    pass(2 * MIN);
    await issue(); // A003 at 8
    pass(MIN);
    await act(w2, 2, 'call-next'); // A002 waited 7
    pass(3 * MIN);
    await act(w1, 1, 'finish'); // A001 handled 7
    pass(MIN);
    step(60 * MIN);
    pass(2 * MIN);
    await act(w1, 1, 'call-next'); // A003 waited 7
    pass(5 * MIN);
    await act(w2, 2, 'finish'); // A002 handled 11
    pass(5 * MIN);
    await act(w1, 1, 'finish'); // A003 handled 10
    pass(MIN);
    await issue(); // A004 at 26
    pass(4 * MIN);
    await act(w2, 2, 'call-next'); // A004 waited 4
    pass(3 * MIN);
    await act(w2, 2, 'finish'); // A004 handled 3
    // The pads' questions close: nothing spans the hall's time any more, and it moves to the PC's clock.
    pass(MIN);
    hall.server.hall.closeUnansweredEvaluations();
    expect(hall.server.hall.now()).toBe(wall);

    const tickets = read<{ number: string; issued_at: number; called_at: number; finished_at: number }>(
      `SELECT number, issued_at, called_at, finished_at FROM tickets WHERE service_date = '2026-12-08' ORDER BY seq`,
    );
    expect(tickets.map((t) => [t.number, (t.called_at - t.issued_at) / MIN, (t.finished_at - t.called_at) / MIN])).toEqual([
      ['A001', 5, 7],
      ['A002', 7, 11],
      ['A003', 7, 10],
      ['A004', 4, 3],
    ]);
    const stamps = read<{ at: number }>('SELECT at FROM events ORDER BY id').map((e) => e.at);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));

    const office = await officeLogin(base, '2001');
    const report = SummaryReport.parse((await api(base, 'GET', '/api/reports/summary?from=2026-12-08&to=2026-12-08', { token: office })).body);
    expect(report.hall).toMatchObject({ served: 4, averageWaitMinutes: 5.8, p90WaitMinutes: 7, averageHandlingMinutes: 7.8, p90HandlingMinutes: 11 });

    expect(clockLines()).toEqual([
      expect.objectContaining({ code: 'CLOCK_STEPPED', stepMs: -10 * MIN }),
      expect.objectContaining({ code: 'CLOCK_STEPPED', stepMs: 60 * MIN }),
      expect.objectContaining({ code: 'CLOCK_FOLLOWED', movedMs: 50 * MIN }),
    ]);
  });

  const dayOpenings = () => read<{ service_date: string; at: number }>(`SELECT service_date, at FROM events WHERE type = 'day.opened' ORDER BY id`);

  it('turns the day once at the hall’s local midnight: never early, never back', async () => {
    const { hall: h } = hall.server;
    // A quiet evening: the hall is on the PC's clock, and turns at its midnight (the day check runs every 30 s).
    pass(local('2026-12-08T23:59:50') - wall);
    h.openServiceDayIfDue();
    expect(h.serviceDate()).toBe('2026-12-08');
    pass(20_000);
    h.openServiceDayIfDue();
    expect(h.serviceDate()).toBe('2026-12-09');

    // A ticket still waits late when the clock is stepped forward an hour over midnight: the day turns at the
    // hall's own midnight, an hour later by the PC's clock, not at the step.
    pass(local('2026-12-09T17:00:00') - wall);
    const late = await issue();
    pass(local('2026-12-09T23:30:00') - wall);
    step(60 * MIN);
    h.openServiceDayIfDue();
    expect(h.serviceDate()).toBe('2026-12-09');
    pass(30 * MIN + 10_000);
    h.openServiceDayIfDue();
    expect(h.serviceDate()).toBe('2026-12-10');
    await h.durable();
    expect(read('SELECT number, status FROM tickets WHERE service_date = ?', late.serviceDate)).toEqual([{ number: late.number, status: 'expired' }]);
    // Quiet again: the hall takes the step; stepped back over midnight, the day stays.
    expect(h.now()).toBe(wall);
    step(-70 * MIN);
    h.openServiceDayIfDue();
    expect(h.serviceDate()).toBe('2026-12-10');
    expect(h.now()).toBeGreaterThan(local('2026-12-10T01:00:00'));
    await h.durable();

    expect(dayOpenings()).toEqual([
      { service_date: '2026-12-08', at: local('2026-12-08T09:00:00') },
      { service_date: '2026-12-09', at: local('2026-12-09T00:00:10') },
      { service_date: '2026-12-10', at: local('2026-12-10T00:00:10') },
    ]);
  });

  it('does not go back in time on a restart with the PC’s clock behind the last record', async () => {
    const before = await issue();
    step(-30 * MIN);
    await hall.restart();
    expect(clockLines().at(-1)).toMatchObject({ code: 'CLOCK_BEHIND_RECORDS' });
    const after = await issue();
    expect([before.number, after.number]).toEqual(['A001', 'A002']);
    expect(after.serviceDate).toBe('2026-12-10');
    expect(Date.parse(after.issuedAt)).toBeGreaterThanOrEqual(Date.parse(before.issuedAt));
    expect(dayOpenings()).toHaveLength(3);
  });
});
