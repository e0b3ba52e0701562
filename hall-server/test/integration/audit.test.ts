import { AuditReply } from '@hall/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { api, login, officeLogin, startTestHall, type TestHall, deviceToken, demoDeviceToken } from '../support/hall-server';

// The audit log through HTTP: staff actions and set-up changes between two of the hall's local
// dates (cut at its midnight, not UTC's), newest first, filtered, in Chinese or English, and as CSV.

const at = (local: string) => Date.parse(`${local}+08:00`);

describe('the audit log', () => {
  let hall: TestHall;
  let base: string;
  let now = at('2026-12-07T09:00:00');
  let admin: string;

  /** Rows written beside the server, as another part of the hall would write them (append-only inserts). */
  function insertEvents(rows: { at: number; type: string; windowNo?: number; staffNo?: string; data: unknown }[]) {
    const db = openDatabase(hall.dbPath);
    const insert = db.prepare(`INSERT INTO events (at, service_date, type, window_no, staff_no, data) VALUES (?, ?, ?, ?, ?, ?)`);
    db.transaction(() => {
      for (const row of rows) insert.run(row.at, '2026-12-07', row.type, row.windowNo ?? null, row.staffNo ?? null, JSON.stringify(row.data));
    })();
    db.close();
  }

  const audit = (query: string, headers: Record<string, string> = {}) => api(base, 'GET', `/api/admin/audit?${query}`, { token: admin, headers });
  const summaries = async (query: string, headers?: Record<string, string>) => {
    const reply = await audit(query, headers);
    expect(reply.status).toBe(200);
    return AuditReply.parse(reply.body).entries.map((e) => e.summary);
  };

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;

    // 2026-12-07 in the hall: a visitor takes a ticket, 王芳 serves it at window 1 and pauses.
    const token = await login(base, '1001', 1);
    now += 60_000;
    const issued = await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } });
    expect(issued.status).toBe(201);
    now += 60_000;
    expect((await api(base, 'POST', '/api/tickets/reprint', { token: demoDeviceToken(hall, 'kiosk-01'), body: { staffNo: '1006', pin: '123456', number: 'A001', deviceId: 'kiosk-01' } })).status).toBe(200);
    now += 60_000;
    expect((await api(base, 'POST', '/api/windows/1/call-next', { token })).status).toBe(200);
    now += 60_000;
    expect((await api(base, 'POST', '/api/windows/1/finish', { token })).status).toBe(200);
    now += 60_000;
    expect((await api(base, 'POST', '/api/windows/1/pause', { token, body: { reason: '午休' } })).status).toBe(200);
    // The administrator gives window 6 category C only.
    now = at('2026-12-07T10:00:00');
    const admin = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '9001', pin: '123456' } })).body.token;
    const window6 = { name: '社保一号窗口', department: '县人力资源和社会保障局', categories: ['C'], routing: 'ordered' };
    expect((await api(base, 'PUT', '/api/admin/windows/6', { token: admin, body: window6 })).status).toBe(200);
    // Half past midnight in the hall: still 16:30 of the 6th in UTC, but the 8th's first half hour here.
    now = at('2026-12-08T00:30:00');
    const roster = await api(base, 'PUT', '/api/roster/2026-12-08', {
      token: await officeLogin(base, '2001'),
      body: { entries: [{ shift: 'all_day', role: 'captain', staffNo: '2001' }] },
    });
    expect(roster.status).toBe(200);
  });
  afterAll(() => hall.stop());
  // The hall's clock moves across days here: a session signed in the day before has gone idle.
  beforeEach(async () => {
    admin = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '9001', pin: '123456' } })).body.token;
  });

  it('tells a day of staff actions and set-up changes in Chinese, newest first, without the visitor’s ticket', async () => {
    expect(await summaries('from=2026-12-07&to=2026-12-07')).toEqual([
      '管理员 中心管理员 把 6 号窗口的业务改为 C',
      '王芳（1001）暂停 1 号窗口：午休',
      '王芳（1001）在 1 号窗口办结 A001',
      '王芳（1001）在 1 号窗口呼叫 A001',
      '杨帆（1006）在一楼大厅东侧取号机补打 A001',
      '王芳（1001）登录 1 号窗口',
    ]);
    const reply = AuditReply.parse((await audit('from=2026-12-07&to=2026-12-07')).body);
    expect(reply.truncated).toBe(false);
    expect(reply.entries.find((e) => e.kind === 'ticket.called')).toMatchObject({
      at: new Date(at('2026-12-07T09:03:00')).toISOString(),
      staffNo: '1001',
      staffName: '王芳',
      windowNo: 1,
      details: { how: 'next', ticketNumber: 'A001' },
    });
  });

  it('cuts days at the hall’s midnight', async () => {
    expect(await summaries('from=2026-12-08&to=2026-12-08')).toEqual(['值班长 章建国 修改了 12月8日 的值班安排']);
    expect(await summaries('from=2026-12-06&to=2026-12-06')).toEqual([]);
    expect(await summaries('from=2026-12-01&to=2026-12-31')).toHaveLength(7);
  });

  it('filters by person, window and kind (a kind or its prefix)', async () => {
    const day = 'from=2026-12-07&to=2026-12-08';
    expect(await summaries(`${day}&staffNo=1006`)).toEqual(['杨帆（1006）在一楼大厅东侧取号机补打 A001']);
    expect(await summaries(`${day}&windowNo=6`)).toEqual(['管理员 中心管理员 把 6 号窗口的业务改为 C']);
    expect(await summaries(`${day}&windowNo=5`)).toEqual([]);
    expect(await summaries(`${day}&windowNo=1`)).toHaveLength(4);
    expect(await summaries(`${day}&kind=ticket.`)).toHaveLength(3);
    expect(await summaries(`${day}&kind=ticket`)).toHaveLength(3);
    expect(await summaries(`${day}&kind=ticket.finished`)).toEqual(['王芳（1001）在 1 号窗口办结 A001']);
    expect(await summaries(`${day}&kind=setup.`)).toEqual(['管理员 中心管理员 把 6 号窗口的业务改为 C']);
    expect(await summaries(`${day}&staffNo=&windowNo=&kind=`)).toHaveLength(7);
  });

  it('speaks English when asked', async () => {
    const lines = await summaries('from=2026-12-07&to=2026-12-08', { 'accept-language': 'en-US,en;q=0.9' });
    expect(lines).toEqual([
      "Duty captain 章建国 changed December 8's duty roster",
      'Administrator 中心管理员 changed window 6: services to C',
      '王芳 (1001) paused window 1: 午休',
      '王芳 (1001) finished A001 at window 1',
      '王芳 (1001) called A001 at window 1',
      '杨帆 (1006) reprinted A001 at 一楼大厅东侧取号机',
      '王芳 (1001) signed in at window 1',
    ]);
  });

  it('stops at 2,000 entries and says so; the CSV has them all, with a BOM and Chinese headers', async () => {
    const first = at('2026-12-01T09:00:00');
    insertEvents(Array.from({ length: 2_001 }, (_, i) => ({ at: first + i * 1_000, type: 'window.resumed', windowNo: 3, staffNo: '1003', data: {} })));
    const reply = AuditReply.parse((await audit('from=2026-12-01&to=2026-12-01')).body);
    expect(reply.entries).toHaveLength(2_000);
    expect(reply.truncated).toBe(true);
    expect(reply.entries[0]!.at).toBe(new Date(first + 2_000_000).toISOString());

    const csv = await fetch(`${base}/api/admin/audit.csv?from=2026-12-01&to=2026-12-01`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('时间,工号,姓名,类型,窗口,内容');
    expect(lines.slice(1, -1)).toHaveLength(2_001);
    expect(lines[1]).toBe('2026-12-01 09:33:20,1003,张伟,window.resumed,3,张伟（1003）恢复 3 号窗口服务');
    expect(lines[2_001]).toBe('2026-12-01 09:00:00,1003,张伟,window.resumed,3,张伟（1003）恢复 3 号窗口服务');
    expect(lines.at(-1)).toBe('');
  });

  it('quotes what a spreadsheet would misread, and keeps a cell that looks like a formula text', async () => {
    now = at('2026-12-09T09:00:00');
    const notice = await api(base, 'PUT', '/api/hall/notice', { token: await officeLogin(base, '2001'), body: { text: '=1+1, "今天"' } });
    expect(notice.status).toBe(200);
    const db = openDatabase(hall.dbPath);
    db.prepare(`INSERT INTO staff (staff_no, name, roles, windows, pin_hash) VALUES ('9009', '=HYPERLINK("x")', '["window"]', '[9]', 'x')`).run();
    db.close();
    insertEvents([{ at: at('2026-12-09T09:01:00'), type: 'window.signed_in', windowNo: 9, staffNo: '9009', data: {} }]);
    const token = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '9001', pin: '123456' } })).body.token;
    const csv = await (await fetch(`${base}/api/admin/audit.csv?from=2026-12-09&to=2026-12-09`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(csv.split('\r\n').slice(1, 3)).toEqual([
      `2026-12-09 09:01:00,9009,"'=HYPERLINK(""x"")",window.signed_in,9,"'=HYPERLINK(""x"")（9009）登录 9 号窗口"`,
      '2026-12-09 09:00:00,2001,章建国,notice.changed,,"值班长 章建国 把大厅公告改为“=1+1, ""今天""”"',
    ]);
  });

  it('says whose PIN an administrator reset, and who changed their own', async () => {
    now = at('2026-12-10T09:00:00');
    admin = await officeLogin(base, '9001');
    expect((await api(base, 'POST', '/api/admin/staff/1002/pin', { token: admin, body: { pin: '482915' } })).status).toBe(204);
    now += 60_000;
    const windowToken = (await api(base, 'POST', '/api/auth/login', { body: { staffNo: '1002', pin: '482915', windowNo: 2 } })).body.token;
    expect((await api(base, 'POST', '/api/auth/pin', { token: windowToken, body: { currentPin: '482915', newPin: '730264' } })).status).toBe(204);
    expect(await summaries('from=2026-12-10&to=2026-12-10&kind=staff.')).toEqual(['李娜（1002）修改了自己的密码', '管理员 中心管理员 重置了 李娜（1002） 的密码']);
  });

  it('is for administrators only', async () => {
    expect((await api(base, 'GET', '/api/admin/audit?from=2026-12-07&to=2026-12-07')).status).toBe(401);
    const captain = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.token;
    const refused = await api(base, 'GET', '/api/admin/audit?from=2026-12-07&to=2026-12-07', { token: captain });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await api(base, 'GET', '/api/admin/audit.csv?from=2026-12-07&to=2026-12-07', { token: captain })).status).toBe(403);
    expect((await audit('from=2026-12-07')).body.error.code).toBe('VALIDATION_FAILED');
  });
});
