import { HallConfigFile } from '@hall/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection';
import { HallStore } from '../../src/db/hall-store';
import { migrate } from '../../src/db/migrate';
import { SessionStore } from '../../src/db/session-store';
import { removeCategory, removeWindow, resetPin, setCategory, setDevice, setStaff, setWindow, signIn, type CommandContext, type HallState, type Outcome } from '../../src/domain';
import { seedHall } from '../../src/services/seed-hall';

// The set-up written by set-up commands and read back as the hall starts again: what was
// removed stays on record, marked; the people shut out lose their sessions in the same write.

const config = HallConfigFile.parse({
  settings: { name: '测试大厅' },
  categories: [
    { code: 'A', name: '综合受理', items: [{ code: 'A1', name: '户籍证明' }] },
    { code: 'B', name: '不动产登记' },
  ],
  windows: [
    { no: 1, name: '1号窗口', department: '综合', categories: ['A'] },
    { no: 2, name: '2号窗口', department: '自然资源', categories: ['B'] },
  ],
  staff: [
    { staffNo: '101', name: '张一', windows: [1], pin: '123456' },
    { staffNo: '102', name: '王二', windows: [2], pin: '123456' },
    { staffNo: '900', name: '管理员', roles: ['admin'], pin: '123456' },
  ],
  pads: [{ deviceId: 'pad-1', windowNo: 1 }],
});

let dir: string;
let db: Db;
let store: HallStore;
let state: HallState;
let now = Date.parse('2026-03-02T09:00:00+08:00');

function run<R>(command: (s: HallState, ctx: CommandContext) => Outcome<R>): Outcome<R> {
  const outcome = command(state, { now: (now += 1000), newId: () => `id-${now}` });
  db.transaction(() => store.save(outcome))();
  state = outcome.state;
  return outcome;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'setup-store-'));
  db = openDatabase(join(dir, 'hall.db'));
  migrate(db);
  await seedHall(db, config);
  store = new HallStore(db);
  state = store.loadState(store.loadSetup());
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the set-up store', () => {
  it('reads back every change the commands made, without what was removed', () => {
    run((s, c) => setCategory(s, { by: '900', category: { code: 'C', name: '税务', defaultHandlingMinutes: 5, items: [{ code: 'C1', name: '发票代开' }], open: false } }, c));
    run((s, c) => setCategory(s, { by: '900', category: { ...s.setup.categories[0]!, name: '综合受理（户籍）' } }, c));
    run((s, c) => setWindow(s, { by: '900', window: { no: 3, name: '3号窗口', department: '税务局', categories: ['C'], routing: 'ordered' } }, c));
    run((s, c) => setWindow(s, { by: '900', window: { ...s.setup.windows[1]!, categories: ['A'] } }, c));
    run((s, c) => removeCategory(s, { by: '900', code: 'B', booked: [] }, c));
    run((s, c) => setStaff(s, { by: '900', withPin: ['900'], rostered: [], staff: { staffNo: '103', name: '新人', roles: ['window'], windows: [3], active: true } }, c));
    run((s, c) => setStaff(s, { by: '900', withPin: ['900'], rostered: [], staff: { ...s.setup.staff[1]!, active: false } }, c));
    run((s, c) => setDevice(s, { by: '900', deviceId: 'pad-1', device: { kind: 'pad', windowNo: 3, name: '3号评价器' } }, c));
    run((s, c) => setDevice(s, { by: '900', deviceId: 'kiosk-1', device: { kind: 'kiosk', name: '东侧取号机' } }, c));
    run((s, c) => removeWindow(s, { by: '900', windowNo: 1 }, c));

    const loaded = new HallStore(db).loadSetup();
    expect(loaded).toEqual(state.setup);
    expect(loaded.categories.map((c) => `${c.code} ${c.name} ${c.open}`)).toEqual(['A 综合受理（户籍） true', 'C 税务 false']);
    expect(loaded.windows.map((w) => w.no)).toEqual([2, 3]);
    expect(loaded.staff.find((s) => s.staffNo === '102')?.active).toBe(false);
    // Removed, not deleted: earlier days' tickets and window states still name them.
    expect(db.prepare(`SELECT code, removed_at IS NOT NULL AS removed FROM categories ORDER BY code`).all()).toEqual([
      { code: 'A', removed: 0 },
      { code: 'B', removed: 1 },
      { code: 'C', removed: 0 },
    ]);
    expect(db.prepare(`SELECT no FROM windows WHERE removed_at IS NOT NULL`).all()).toEqual([{ no: 1 }]);
    expect(store.setup.windowName(1)).toBe('1号窗口');
    // A new person has no PIN until one is set.
    expect(db.prepare(`SELECT pin_hash FROM staff WHERE staff_no = '103'`).get()).toEqual({ pin_hash: '' });
    // Each change is on record, with who made it.
    expect(db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'setup.changed' AND staff_no = '900'`).get()).toEqual({ n: 11 });
    const removal = db.prepare(`SELECT window_no AS windowNo, data FROM events WHERE type = 'setup.changed' AND window_no = 1`).get() as { windowNo: number; data: string };
    expect(JSON.parse(removal.data)).toMatchObject({ part: 'window', key: '1', change: 'removed', before: { no: 1, name: '1号窗口' } });
  });

  it('a window added back after its removal is in the hall again, closed', () => {
    run((s, c) => removeWindow(s, { by: '900', windowNo: 2 }, c));
    run((s, c) => setWindow(s, { by: '900', window: { no: 2, name: '2号窗口', department: '综合', categories: ['A'], routing: 'fifo' } }, c));
    const reloaded = new HallStore(db);
    const loaded = reloaded.loadState(reloaded.loadSetup());
    expect(loaded.setup.windows.map((w) => w.no)).toEqual([1, 2]);
    expect(loaded.windows.get(2)).toMatchObject({ state: 'closed', staffNo: null });
  });

  it('ends the sessions of a person retired or whose PIN was reset, and a session at a window taken away', () => {
    const session = db.prepare(`INSERT INTO staff_sessions (token_hash, staff_no, window_no, created_at, last_seen_at) VALUES (?, ?, ?, 0, 0)`);
    const office = db.prepare(`INSERT INTO office_sessions (token_hash, staff_no, created_at, last_seen_at) VALUES (?, ?, 0, 0)`);
    run((s, c) => signIn(s, { staffNo: '101', windowNo: 1 }, c));
    session.run('t-101', '101', 1);
    run((s, c) => signIn(s, { staffNo: '102', windowNo: 2 }, c));
    session.run('t-102', '102', 2);
    office.run('o-900', '900');
    run((s, c) => setStaff(s, { by: '900', withPin: ['900'], rostered: [], staff: { ...s.setup.staff[0]!, active: false } }, c));
    run((s, c) => setStaff(s, { by: '900', withPin: ['900'], rostered: [], staff: { ...s.setup.staff[1]!, windows: [1] } }, c));
    run((s, c) => resetPin(s, { by: '900', staffNo: '900', pin: '402913' }, c));
    expect(db.prepare(`SELECT token_hash AS token, end_reason AS reason FROM staff_sessions ORDER BY token_hash`).all()).toEqual([
      { token: 't-101', reason: 'retired' },
      { token: 't-102', reason: 'deauthorised' },
    ]);
    expect(db.prepare(`SELECT end_reason AS reason FROM office_sessions`).all()).toEqual([{ reason: 'pin_reset' }]);
    // A retired person's PIN opens nothing: there is none to check against.
    expect(new SessionStore(db).pinHash('101')).toBeNull();
    expect(new SessionStore(db).pinHash('102')).not.toBeNull();
  });
});
