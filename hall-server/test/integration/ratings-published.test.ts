import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FollowUpsReply, IssueTicketReply, PublicRatings, RatingsExport, WindowActionReply, type ExportedRating } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReportData } from '../../bench/support/report-data';
import { openDatabase } from '../../src/db/connection';
import { api, demoDeviceToken, deviceToken, login, startTestHall, type TestHall } from '../support/hall-server';

// 好差评 published and handed on: the span's ratings exported for the province (JSON and XLSX,
// every field, the follow-up states as they stand) and the month's results for anyone, with no
// visitor's data, on a hall whose clock the test moves.

const PHONE = '13912345678';
const COMMENT = '等了很久没人理';

describe('好差评 published and handed on', () => {
  let hall: TestHall;
  let base: string;
  let now = Date.parse('2026-11-02T10:00:00+08:00'); // a Monday
  let staffToken: string;
  let captainToken: string;
  const ids: Record<string, string> = {};

  async function signInAgain() {
    staffToken = await login(base, '1001', 1);
    captainToken = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.token;
  }

  /** A visit of category A at window 1, finished with its case number and 事项 if given, then rated (or not). */
  async function visit(name: string, finish: { caseNo?: string; itemCode?: string }, rating: Record<string, unknown> | null, by: 'pad' | 'phone' = 'pad') {
    const { secret } = IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } })).body);
    await api(base, 'POST', '/api/windows/1/call-next', { token: staffToken });
    now += 3 * 60_000;
    const finished = await api(base, 'POST', '/api/windows/1/finish', { token: staffToken, body: finish });
    expect(finished.status).toBe(200);
    const ticketId = WindowActionReply.parse(finished.body).ticket!.id;
    ids[name] = ticketId;
    if (rating === null) return;
    now += 20_000;
    const rated =
      by === 'pad'
        ? await api(base, 'POST', '/api/evaluations', { body: { ticketId, ...rating }, headers: { authorization: `Bearer ${demoDeviceToken(hall, 'pad-01')}` } })
        : await api(base, 'POST', '/api/evaluations', { body: { secret, ...rating } });
    expect(rated.status).toBe(201);
  }

  async function followUpStep(name: string, step: 'callback' | 'fix') {
    const { followUps } = FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups?status=all', { token: captainToken })).body);
    const id = followUps.find((f) => f.ticketId === ids[name])!.id;
    expect((await api(base, 'POST', `/api/follow-ups/${id}/${step}`, { token: captainToken, body: { note: '已处理' } })).status).toBe(200);
  }

  const poor = (level: string, reasons: string[]) => ({ level, reasons, comment: COMMENT, callbackPhone: PHONE });

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
    await signInAgain();
    // Monday 2 November: one satisfied visit with its 办件编号 and 事项, three poor ones.
    await visit('satisfied', { caseNo: 'HY-2026-1102-01', itemCode: 'A02' }, { level: 'very_satisfied' });
    await visit('neglected', {}, poor('dissatisfied', ['slow']));
    await visit('fixedOnTime', { itemCode: 'A01' }, poor('very_dissatisfied', ['attitude', 'other']));
    await visit('fixedLate', {}, poor('dissatisfied', ['unfamiliar']));
    await followUpStep('fixedOnTime', 'callback');
    await followUpStep('fixedOnTime', 'fix');
    await followUpStep('fixedLate', 'callback');
    // Wednesday 25 November: past the first day's fix deadline (15 working days: the 23rd).
    now = Date.parse('2026-11-25T09:30:00+08:00');
    await signInAgain();
    await followUpStep('fixedLate', 'fix');
    await visit('calledBack', {}, poor('dissatisfied', ['repeated_trips']));
    await followUpStep('calledBack', 'callback');
    await visit('justOpened', {}, poor('very_dissatisfied', ['slow']));
    await visit('byPhone', {}, { level: 'basically_satisfied', comment: COMMENT }, 'phone');
    await visit('unrated', {}, null);
  });
  afterAll(() => hall.stop());

  const exportOf = (query: string, token = captainToken) => fetch(`${base}/api/evaluations/export?${query}`, { headers: { authorization: `Bearer ${token}` } });

  it('hands on every rating of the span with every field, the follow-up as it stands, never the visitor’s number or comment', async () => {
    const reply = await exportOf('from=2026-11-01&to=2026-11-30');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('application/json');
    const raw = await reply.text();
    for (const kept of [PHONE, COMMENT, 'callbackPhone', 'comment']) expect(raw).not.toContain(kept);
    const exported = RatingsExport.parse(JSON.parse(raw));
    expect(exported).toMatchObject({ from: '2026-11-01', to: '2026-11-30', timezone: 'Asia/Shanghai', generatedAt: new Date(now).toISOString() });
    expect(exported.ratings.map((r) => r.followUp)).toEqual(['none', 'overdue', 'closed_on_time', 'closed_late', 'called_back', 'open', 'none']);
    expect(exported.ratings).toHaveLength(7); // the visit nobody rated is not a rating
    const first = exported.ratings[0]!;
    expect(first).toEqual({
      ratedAt: '2026-11-02T02:03:20.000Z',
      ratedAtLocal: '2026-11-02 10:03:20',
      serviceDate: '2026-11-02',
      number: 'A001',
      level: 'very_satisfied',
      levelName: '非常满意',
      stars: 5,
      reasons: [],
      reasonNames: [],
      channel: 'pad',
      windowNo: 1,
      windowName: '户政一号窗口',
      department: '县公安局',
      staffNo: '1001',
      category: 'A',
      categoryName: '公安户政',
      itemCode: 'A02',
      itemName: '居民身份证办理',
      caseNo: 'HY-2026-1102-01',
      followUp: 'none',
    } satisfies ExportedRating);
    // In the order given: the on-time fix is the day's third.
    expect(exported.ratings[2]).toMatchObject({ level: 'very_dissatisfied', stars: 1, reasons: ['attitude', 'other'], reasonNames: ['态度不好', '其他'], itemCode: 'A01', itemName: '户口迁移', caseNo: null });
    expect(exported.ratings[6]).toMatchObject({ channel: 'phone', level: 'basically_satisfied', itemCode: null, itemName: null, serviceDate: '2026-11-25' });
  });

  it('writes the same ratings to an XLSX sheet with Chinese headers, read back with exceljs', async () => {
    const reply = await exportOf('from=2026-11-01&to=2026-11-30&format=xlsx');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toContain('ratings-2026-11-01-2026-11-30.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await reply.arrayBuffer());
    const sheet = workbook.getWorksheet('好差评')!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      '评价时间', '评价时间(UTC)', '办理日期', '号票', '评价等级', '星级', '差评原因', '评价渠道', '窗口号', '窗口名称',
      '部门', '工号', '业务类别', '业务类别名称', '事项编码', '事项名称', '办件编号', '整改状态',
    ]);
    expect(values(2)).toEqual([
      '2026-11-02 10:03:20', '2026-11-02T02:03:20.000Z', '2026-11-02', 'A001', '非常满意', 5, undefined, '评价器', 1, '户政一号窗口',
      '县公安局', '1001', 'A', '公安户政', 'A02', '居民身份证办理', 'HY-2026-1102-01', '无需整改',
    ]);
    expect(values(4)).toEqual(expect.arrayContaining(['非常不满意', '态度不好、其他', '按时整改']));
    expect([2, 3, 4, 5, 6, 7, 8].map((row) => sheet.getRow(row).getCell(18).value)).toEqual(['无需整改', '已逾期', '按时整改', '逾期整改', '已回访待整改', '待回访', '无需整改']);
    expect(sheet.getRow(8).getCell(8).value).toBe('手机');
    expect(sheet.rowCount).toBe(8);
    const text = JSON.stringify(sheet.getSheetValues());
    for (const kept of [PHONE, COMMENT]) expect(text).not.toContain(kept);
  });

  it('gives an empty list and a sheet of headers only for a span without ratings, and refuses a bad query', async () => {
    const json = RatingsExport.parse(await (await exportOf('from=2026-10-01&to=2026-10-31')).json());
    expect(json.ratings).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await exportOf('from=2026-10-01&to=2026-10-31&format=xlsx')).arrayBuffer());
    expect(workbook.getWorksheet('好差评')!.rowCount).toBe(1);
    for (const query of ['from=2026-11-30&to=2026-11-01', 'from=2026-11-01&to=2026-11-30&format=csv', 'from=2026-11-01']) {
      expect((await exportOf(query)).status).toBe(400);
    }
    expect((await exportOf('from=2026-11-01&to=2026-11-30', staffToken)).status).toBe(403);
  });

  it('publishes the month per window to anyone: ratings, satisfaction, poor ratings and those fixed on time, no visitor’s data', async () => {
    const reply = await fetch(`${base}/api/public/ratings?month=2026-11`);
    expect(reply.status).toBe(200);
    const raw = await reply.text();
    for (const kept of [PHONE, COMMENT, 'HY-2026-1102-01', '1001', 'A001', 'staff', 'caseNo', 'number']) expect(raw).not.toContain(kept);
    const published = PublicRatings.parse(JSON.parse(raw));
    expect(published.month).toBe('2026-11');
    expect(published.hall).toEqual(expect.any(String));
    // Window 1 served every visit: 非常满意 and 基本满意 of seven ratings; five poor, one fixed by its deadline.
    const window1 = { windowNo: 1, windowName: '户政一号窗口', department: '县公安局', rated: 7, satisfactionRate: 2 / 7, poorRatings: 5, rectifiedOnTime: 1 };
    expect(published.windows.find((w) => w.windowNo === 1)).toEqual(window1);
    expect(published.windows.filter((w) => w.windowNo !== 1).every((w) => w.rated === 0 && w.poorRatings === 0)).toBe(true);
    expect(published.totals).toEqual({ rated: 7, satisfactionRate: 2 / 7, poorRatings: 5, rectifiedOnTime: 1 });
    const quiet = PublicRatings.parse(await (await fetch(`${base}/api/public/ratings?month=2026-10`)).json());
    expect(quiet.totals).toEqual({ rated: 0, satisfactionRate: null, poorRatings: 0, rectifiedOnTime: 0 });
    for (const month of ['2026-13', '202611', '']) expect((await fetch(`${base}/api/public/ratings?month=${month}`)).status).toBe(400);
  });
});

describe('the ratings export over a busy month', () => {
  it('hands on every one of a month’s thousands of ratings once, in the order given, page after page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-ratings-'));
    const path = join(dir, 'hall.db');
    // November's working days at a busy hall's pace: over 3,000 ratings.
    await generateReportData(path, { days: 21, startAfter: '2026-10-31', ticketsPerDay: 460 });
    const db = openDatabase(path);
    const expected = db.prepare(`SELECT COUNT(*) AS n FROM evaluations WHERE status = 'rated' AND service_date BETWEEN '2026-11-01' AND '2026-11-30'`).get() as { n: number };
    db.close();
    expect(expected.n).toBeGreaterThan(3_000); // several pages of 500
    const hall = await startTestHall({ env: { HALL_DB: path } });
    try {
      const captain = (await api(hall.server.url, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.token;
      const reply = await fetch(`${hall.server.url}/api/evaluations/export?from=2026-11-01&to=2026-11-30`, { headers: { authorization: `Bearer ${captain}` } });
      const { ratings } = RatingsExport.parse(await reply.json());
      expect(ratings).toHaveLength(expected.n);
      expect(new Set(ratings.map((r) => `${r.serviceDate} ${r.number}`)).size).toBe(expected.n);
      expect(ratings.every((r, i) => i === 0 || ratings[i - 1]!.ratedAt <= r.ratedAt)).toBe(true);
    } finally {
      await hall.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
