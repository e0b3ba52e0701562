import { AdminWindowBody, ApiError, createApiClient, HallSetupFile, t, type MessageKey } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { adminApi, spreadsheetType } from '../../ui/admin/admin-api';
import { fieldOf, issueErrors, refusalErrors, serverIssues, zodIssues, type FieldRules } from '../../ui/admin/field-errors';
import { badPlaces, changeName } from '../../ui/admin/import-report';
import { addDate, move, without } from '../../ui/admin/list-edit';
import { isoWeekday, sameRoster, slots, toggleEntry, weekAfter, weekOf } from '../../ui/admin/roster-week';
import { sectionsFor } from '../../ui/admin/sections';

// The admin page's logic without a browser: where errors go, the lists it reorders, the week it
// lays out, who sees which section, and the requests it sends.

const zh = (key: MessageKey) => t('zh-CN', key);
const rules: FieldRules = { name: 'admin.window.nameRule', categories: 'admin.window.categoriesRule', 'items.#.name': 'admin.item.nameRule' };

describe('errors beside their fields', () => {
  it('finds the field of a path, a row number standing for any row', () => {
    expect(fieldOf('name', rules)).toEqual({ field: 'name', rule: 'admin.window.nameRule' });
    expect(fieldOf('items.3.name', rules)).toEqual({ field: 'items.3.name', rule: 'admin.item.nameRule' });
    expect(fieldOf('categories.0', rules)).toEqual({ field: 'categories', rule: 'admin.window.categoriesRule' });
    expect(fieldOf('department', rules)).toBeNull();
  });

  it('puts the shared schema’s issues beside the fields, in Chinese, and the rest in one line', () => {
    const result = AdminWindowBody.safeParse({ name: '', department: '县公安局', categories: [], routing: 'fifo' });
    expect(result.success).toBe(false);
    const errors = issueErrors(zodIssues(result.error!), rules, zh, '请改正');
    expect(errors.fields).toEqual({ name: '请填写窗口名称（1 到 40 个字）', categories: '请至少选择一类业务' });
    expect(errors.general).toBe('请改正');
    const unplaced = issueErrors([{ path: 'department', message: 'Too small' }], rules, zh, '请改正');
    expect(unplaced).toEqual({ fields: {}, general: '请改正 department: Too small' });
  });

  it('reads the server’s VALIDATION_FAILED issues, and puts a refusal about one field beside it', () => {
    const invalid = new ApiError('VALIDATION_FAILED', 400, '提交的信息有误', { issues: [{ path: 'items.2.name', message: 'Too small' }] });
    expect(serverIssues(invalid)).toEqual([{ path: 'items.2.name', message: 'Too small' }]);
    const text = (error: unknown) => (error as ApiError).message;
    expect(refusalErrors(invalid, rules, {}, zh, text)).toEqual({ fields: { 'items.2.name': '请填写事项名称（1 到 100 个字）' }, general: zh('admin.form.fixFields') });
    const weak = new ApiError('PIN_TOO_WEAK', 400, '这个密码太简单');
    expect(refusalErrors(weak, rules, { PIN_TOO_WEAK: 'pin' }, zh, text)).toEqual({ fields: { pin: '这个密码太简单' }, general: null });
    const waiting = new ApiError('CATEGORY_HAS_WAITING', 409, 'A 类还有 3 人在等候');
    expect(refusalErrors(waiting, rules, { PIN_TOO_WEAK: 'pin' }, zh, text)).toEqual({ fields: {}, general: 'A 类还有 3 人在等候' });
    expect(serverIssues(waiting)).toEqual([]);
  });
});

describe('the lists the forms keep in order', () => {
  it('moves, removes and adds', () => {
    expect(move(['A', 'B', 'C'], 2, -1)).toEqual(['A', 'C', 'B']);
    expect(move(['A', 'B', 'C'], 0, 1)).toEqual(['B', 'A', 'C']);
    expect(move(['A', 'B'], 0, -1)).toEqual(['A', 'B']);
    expect(move(['A', 'B'], 1, 1)).toEqual(['A', 'B']);
    expect(without(['A', 'B', 'C'], 1)).toEqual(['A', 'C']);
    expect(addDate(['2026-10-05', '2026-10-01'], '2026-10-02')).toEqual(['2026-10-01', '2026-10-02', '2026-10-05']);
    expect(addDate(['2026-10-01'], '2026-10-01')).toEqual(['2026-10-01']);
  });
});

describe('the roster’s week', () => {
  it('lays a week out from Monday, across months and years', () => {
    expect(isoWeekday('2026-12-07')).toBe('1');
    expect(isoWeekday('2026-12-13')).toBe('7');
    expect(weekOf('2026-12-10')).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    expect(weekOf('2027-01-03')[0]).toBe('2026-12-28');
    expect(weekOf('2027-01-03')[6]).toBe('2027-01-03');
    expect(weekAfter('2026-12-28', 1)).toBe('2027-01-04');
    expect(weekAfter('2026-12-07', -1)).toBe('2026-11-30');
  });

  it('puts a person in a slot or takes them out, and tells an own roster from the pattern', () => {
    const captain = { role: 'captain', shift: 'all_day', staffNo: '2001' } as const;
    const guide = { role: 'guide', shift: 'morning', staffNo: '1006' } as const;
    expect(toggleEntry([captain], guide)).toEqual([captain, guide]);
    expect(toggleEntry([captain, guide], guide)).toEqual([captain]);
    expect(toggleEntry([guide], { ...guide, shift: 'afternoon' })).toHaveLength(2);
    // One captain a day, the whole day: choosing another takes the place.
    expect(toggleEntry([captain, guide], { ...captain, staffNo: '2002' })).toEqual([guide, { ...captain, staffNo: '2002' }]);
    expect(slots.filter((slot) => slot.role === 'captain').map(({ shift }) => shift)).toEqual(['all_day']);
    expect(sameRoster([guide, captain], [captain, guide])).toBe(true);
    expect(sameRoster([captain], [captain, guide])).toBe(false);
    expect(sameRoster([captain], [{ ...captain, staffNo: '2002' }])).toBe(false);
  });
});

describe('who sees which section', () => {
  it('shows administrators everything, duty captains the roster and the notice only', () => {
    expect(sectionsFor(['admin'])).toEqual(['categories', 'windows', 'staff', 'devices', 'settings', 'roster', 'notice', 'audit', 'transfer', 'backups']);
    expect(sectionsFor(['captain'])).toEqual(['roster', 'notice']);
    expect(sectionsFor(['captain', 'window'])).toEqual(['roster', 'notice']);
    expect(sectionsFor(['window', 'guide'])).toEqual([]);
  });
});

describe('an import’s report', () => {
  it('names every bad row of a refused file, or every bad place of a set-up', () => {
    const refused = new ApiError('IMPORT_INVALID', 400, '导入的文件有 2 行有误', {
      count: 2,
      problems: [
        { row: 4, column: '事项名称', reason: '不能为空' },
        { row: 9, reason: '没有 Z 类' },
      ],
    });
    expect(badPlaces(refused)).toEqual([
      { where: 4, column: '事项名称', reason: '不能为空' },
      { where: 9, column: undefined, reason: '没有 Z 类' },
    ]);
    const file = HallSetupFile.safeParse({ settings: { name: '大厅' }, categories: [], windows: [], staff: [] });
    expect(badPlaces(file.error).map((place) => place.where)).toEqual(['categories', 'windows']);
    expect(badPlaces(new ApiError('FORBIDDEN', 403, '没有权限'))).toEqual([]);
  });

  it('calls a change by its name', () => {
    expect(changeName({ part: 'window', key: '5', change: 'changed', before: { name: '旧' }, after: { name: '新' } })).toBe('新');
    expect(changeName({ part: 'staff', key: '1001', change: 'removed', before: { name: '王芳' } })).toBe('王芳');
    expect(changeName({ part: 'settings', key: 'settings', change: 'changed' })).toBeNull();
  });
});

describe('the admin page’s requests', () => {
  function recorder(status = 200, reply: unknown = null) {
    const sent: { url: string; method: string; headers: Record<string, string>; body?: string }[] = [];
    const client = createApiClient('', async (url, init) => {
      sent.push({ url, ...init });
      return { status, text: async () => JSON.stringify(reply) };
    });
    return { sent, client };
  }

  it('signs every request with the office session and sends the roster without a PIN', async () => {
    const { sent, client } = recorder(200, { date: '2026-12-08', entries: [] });
    const admin = adminApi(client, 'tok', 'zh-CN', () => {});
    await admin.saveRoster('2026-12-08', [{ role: 'captain', shift: 'all_day', staffNo: '2002' }]);
    expect(sent[0]).toMatchObject({ url: '/api/roster/2026-12-08', method: 'PUT' });
    expect(sent[0]!.headers.authorization).toBe('Bearer tok');
    expect(JSON.parse(sent[0]!.body!)).toEqual({ entries: [{ role: 'captain', shift: 'all_day', staffNo: '2002' }] });
  });

  it('asks for a dry run first, and leaves empty filters out of the audit query', async () => {
    const { sent, client } = recorder(200, { dryRun: true, changes: [] });
    const admin = adminApi(client, 'tok', 'zh-CN', () => {});
    await admin.importSetup({} as HallSetupFile, true);
    expect(sent[0]).toMatchObject({ url: '/api/admin/setup?dryRun=true', method: 'PUT' });
    const audit = recorder(200, { entries: [], truncated: false });
    await adminApi(audit.client, 'tok', 'zh-CN', () => {}).audit({ from: '2026-12-01', to: '2026-12-07', staffNo: '', windowNo: '5', kind: '' });
    expect(audit.sent[0]!.url).toBe('/api/admin/audit?from=2026-12-01&to=2026-12-07&windowNo=5');
  });

  it('reports a session the server no longer takes, and still rejects', async () => {
    const { client } = recorder(401, { error: { code: 'UNAUTHORIZED', message: '请先登录' } });
    let gone = 0;
    const admin = adminApi(client, 'tok', 'zh-CN', () => gone++);
    await expect(admin.setup()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(gone).toBe(1);
  });

  it('sends a spreadsheet with its type, from its name when the browser gives none', () => {
    expect(spreadsheetType({ name: '事项.xlsx', type: '' })).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(spreadsheetType({ name: 'items.CSV', type: '' })).toBe('text/csv');
    expect(spreadsheetType({ name: 'items.csv', type: 'application/vnd.ms-excel' })).toBe('application/vnd.ms-excel');
  });
});
