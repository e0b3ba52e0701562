import { AuditReply, CategoriesReply, SetupChangeReply } from '@hall/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestHall, type TestHall } from '../support/hall-server';

// 事项导入 through HTTP: the service items sheet replaces the items of the categories it names,
// all of it or nothing, with a dry run first.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('事项清单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The center's 185 items, over categories A to H. */
const CENTER = Array.from({ length: 185 }, (_, i) => ['ABCDEFGH'[i % 8], `S${String(i + 1).padStart(3, '0')}`, `事项 ${i + 1}`]);

describe('POST /api/admin/items/import', () => {
  let hall: TestHall;
  let base: string;
  let admin: string;
  const post = (body: Buffer | string, contentType: string, query = '', token = admin) =>
    fetch(`${base}/api/admin/items/import${query}`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const items = async () => {
    const { categories } = CategoriesReply.parse((await api(base, 'GET', '/api/categories')).body);
    return new Map(categories.map((c) => [c.code, c.items]));
  };

  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
    admin = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '9001', pin: '123456' } })).body.token;
  });
  afterAll(() => hall.stop());

  it('writes nothing when a row is bad, and names every bad row', async () => {
    const before = await items();
    const file = await workbook([['类别代码', '事项编码', '事项名称'], ...CENTER.slice(0, 10), ['Z', 'Z01', '没有这个类别'], ['A', 'S001', '重复']]);
    const reply = await post(file, XLSX);
    expect(reply.status).toBe(400);
    const { error } = await reply.json();
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toBe('导入的文件有 2 行有误，什么都没有改动');
    expect(error.details).toEqual({
      count: 2,
      problems: [
        { row: 12, column: '类别代码', reason: '没有类别代码为 Z 的业务类别' },
        { row: 13, column: '事项编码', reason: 'A 类里事项编码 S001 重复（第 2 行已有）' },
      ],
    });
    expect(await items()).toEqual(before);
    const audit = await api(base, 'GET', '/api/admin/audit?from=2000-01-01&to=2100-01-01&kind=setup.', { token: admin });
    expect(AuditReply.parse(audit.body).entries).toEqual([]);
  });

  it('answers the differences of a dry run and changes nothing', async () => {
    const before = await items();
    const reply = await post(await workbook([['类别代码', '事项编码', '事项名称'], ...CENTER]), XLSX, '?dryRun=true');
    expect(reply.status).toBe(200);
    const { dryRun, changes } = SetupChangeReply.parse(await reply.json());
    expect(dryRun).toBe(true);
    expect(changes.map((c) => `${c.part} ${c.key} ${c.change}`).sort()).toEqual([...'ABCDEFGH'].map((code) => `category ${code} changed`));
    expect(await items()).toEqual(before);
  });

  it('imports the center’s 185 items: the categories it names get them, the others keep theirs', async () => {
    const before = await items();
    const reply = await post(await workbook([['类别代码', '事项编码', '事项名称'], ...CENTER]), XLSX, '?dryRun=false');
    expect(reply.status).toBe(200);
    expect(SetupChangeReply.parse(await reply.json()).dryRun).toBe(false);
    const after = await items();
    expect([...'ABCDEFGH'].reduce((n, code) => n + after.get(code)!.length, 0)).toBe(185);
    expect(after.get('A')!.slice(0, 2)).toEqual([{ code: 'S001', name: '事项 1' }, { code: 'S009', name: '事项 9' }]);
    expect(after.get('J')).toEqual(before.get('J'));
    await hall.restart();
    expect(await items()).toEqual(after);
  });

  it('takes a CSV saved with a BOM', async () => {
    const reply = await post('\uFEFF类别代码,事项编码,事项名称\r\nJ,J01,"不动产登记，查询"\r\n', 'text/csv; charset=utf-8');
    expect(reply.status).toBe(200);
    expect((await items()).get('J')).toEqual([{ code: 'J01', name: '不动产登记，查询' }]);
  });

  it('refuses what is not a sheet, other content, anyone but an administrator, and files over 2 MB', async () => {
    const notXlsx = await post('类别代码,事项编码,事项名称', XLSX);
    expect(notXlsx.status).toBe(400);
    expect((await notXlsx.json()).error.details.problems).toEqual([{ row: 1, reason: '文件打不开：不是有效的 XLSX 文件' }]);
    expect((await post('x', 'application/pdf')).status).toBe(415);
    const captain = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.token;
    expect((await post('类别代码,事项编码,事项名称\r\nJ,J01,x', 'text/csv', '', captain)).status).toBe(403);
    expect((await post(Buffer.alloc(2 * 1024 * 1024 + 1, 0x41), 'text/csv')).status).toBe(413);
  });
});
