import { describe, expect, it } from 'vitest';
import { auditSummary } from '../../src/audit/summary';
import { AUDITED_KINDS, type AuditNames, type AuditRow } from '../../src/db/audit-store';

// The audit log's one line per entry, for the set-up changes and PIN resets of the admin console.

const names: AuditNames = {
  staff: new Map([['1001', '王芳'], ['9001', '李四']]),
  categories: new Map([['A', '公安户政']]),
  kiosks: new Map([['kiosk-01', '一楼大厅东侧取号机']]),
};
const byAdmin = (type: string, windowNo: number | null = null): AuditRow => ({
  id: 1,
  at: 0,
  type,
  windowNo,
  staffNo: '9001',
  data: '{}',
  ticketNumber: null,
  staffName: '李四',
  staffRoles: '["admin"]',
});
const setup = (data: Record<string, unknown>, windowNo: number | null = null, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  auditSummary(byAdmin('setup.changed', windowNo), { ...data }, names, locale);

describe('a set-up change in one line', () => {
  it('names the administrator by role, the window by number and what it now serves', () => {
    const data = { part: 'window', key: '5', change: 'changed', before: { no: 5, name: '综合窗口', categories: ['B', 'C'] }, after: { no: 5, name: '综合窗口', categories: ['B'] } };
    expect(setup(data, 5)).toBe('管理员 李四 把 5 号窗口的业务改为 B');
    expect(setup(data, 5, 'en')).toBe('Administrator 李四 changed window 5: services to B');
  });

  it('says what was added, removed, retired or closed', () => {
    expect(setup({ part: 'window', key: '24', change: 'added', after: { no: 24, name: '新窗口' } }, 24)).toBe('管理员 李四 新增 24 号窗口');
    expect(setup({ part: 'category', key: 'M', change: 'removed', before: { code: 'M', name: '医保' } })).toBe('管理员 李四 删除了业务类别 M 医保');
    expect(setup({ part: 'staff', key: '1001', change: 'changed', before: { name: '王芳', active: true }, after: { name: '王芳', active: false } })).toBe(
      '管理员 李四 停用了工作人员 王芳（1001）',
    );
    expect(setup({ part: 'category', key: 'A', change: 'changed', before: { name: '公安户政', open: true }, after: { name: '户政', open: false } })).toBe(
      '管理员 李四 把业务类别 A 户政的名称改为 户政，取号改为 暂停取号',
    );
    expect(setup({ part: 'category', key: 'A', change: 'changed', before: { name: '公安户政', items: [] }, after: { name: '公安户政', items: [{}, {}] } })).toBe(
      '管理员 李四 把业务类别 A 公安户政的事项改为 2 个事项',
    );
    expect(setup({ part: 'staff', key: '1001', change: 'changed', before: { name: '王芳', roles: ['window'] }, after: { name: '王芳', roles: ['window', 'guide'] } })).toBe(
      '管理员 李四 把工作人员 王芳（1001）的角色改为 窗口人员、导服员',
    );
  });

  it('says the new order of the kiosk’s category tiles', () => {
    const order = { part: 'category', key: '#order', change: 'changed', before: ['A', 'B', 'C'], after: ['B', 'A', 'C'] };
    expect(setup(order)).toBe('管理员 李四 把业务类别的顺序改为 B、A、C');
    expect(setup(order, null, 'en')).toBe('Administrator 李四 put the categories in the order B, A, C');
  });

  it('names only the fields whose new value does not fit on the line', () => {
    expect(setup({ part: 'settings', key: 'settings', change: 'changed', before: { rules: { a: 1 }, openingHours: { open: '09:00', close: '17:00' } }, after: { rules: { a: 2 }, openingHours: { open: '08:30', close: '17:00' } } })).toBe(
      '管理员 李四 修改了大厅设置的叫号规则、办公时间',
    );
    expect(setup({ part: 'settings', key: 'settings', change: 'changed', before: { openingHours: { open: '09:00', close: '17:00' } }, after: { openingHours: { open: '08:30', close: '17:00' } } })).toBe(
      '管理员 李四 把大厅设置的办公时间改为 08:30–17:00',
    );
  });

  it('says whose PIN an administrator reset, and who was signed out by a set-up change', () => {
    expect(auditSummary(byAdmin('staff.pin_reset'), { forStaffNo: '1001' }, names, 'zh-CN')).toBe('管理员 李四 重置了 王芳（1001） 的密码');
    const signedOut: AuditRow = { ...byAdmin('window.signed_out', 3), staffNo: '1001', staffName: '王芳', staffRoles: '["window"]' };
    expect(auditSummary(signedOut, { reason: 'retired' }, names, 'zh-CN')).toBe('王芳（1001）已停用，退出 3 号窗口');
    expect(auditSummary(signedOut, { reason: 'window_removed' }, names, 'en')).toBe('Window 3 was removed; 王芳 (1001) was signed out');
  });

  it('has a line of its own for every kind on the log, in both languages', () => {
    for (const kind of [...AUDITED_KINDS, 'staff.pin_changed']) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(auditSummary(byAdmin(kind, 1), { reason: 'logout', date: '2026-12-08', text: 'x' }, names, locale), `${kind} ${locale}`).not.toContain(kind);
      }
    }
  });
});
