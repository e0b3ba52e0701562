import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HallSettings, HallSetupFile, HallSnapshot } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, officeLogin, startTestHall, type TestHall, deviceToken } from '../support/hall-server';

// The settings no administrator's change moves: HALL_TZ wins while it is set and is never
// written into the database; `demo` (the demo PIN allowed) is the seed file's alone. The demo
// hall's own time zone is Asia/Shanghai and it is a demo hall.

const NOW = Date.parse('2026-03-02T10:00:00+08:00');

describe('HALL_TZ and the demo flag through the set-up API', () => {
  let hall: TestHall;
  let admin: string;
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => NOW }, env: { HALL_TZ: 'Asia/Urumqi' } });
    admin = await officeLogin(hall.server.url, '9001');
  });
  afterAll(() => hall.stop());

  const stored = () => {
    const db = new Database(hall.dbPath, { readonly: true });
    try {
      return HallSettings.parse(JSON.parse((db.prepare('SELECT settings FROM hall_settings WHERE id = 1').get() as { settings: string }).settings));
    } finally {
      db.close();
    }
  };
  const settings = async () => HallSetupFile.parse((await api(hall.server.url, 'GET', '/api/admin/setup', { token: admin })).body).settings;
  const putSettings = (body: unknown) => api(hall.server.url, 'PUT', '/api/admin/settings', { token: admin, body });
  const inForce = async () => {
    const screen = connect(hall.server.url, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    try {
      return HallSnapshot.parse(await screen.waitFor('hall:snapshot')).timezone;
    } finally {
      screen.socket.close();
    }
  };

  it('a settings change sent back with HALL_TZ’s time zone leaves the stored one as it was', async () => {
    expect(await inForce()).toBe('Asia/Urumqi');
    const current = await settings();
    expect((await putSettings({ ...current, name: '县政务服务中心（东区）' })).status).toBe(200);
    expect(stored()).toMatchObject({ name: '县政务服务中心（东区）', timezone: 'Asia/Shanghai' });
    expect(await inForce()).toBe('Asia/Urumqi');
  });

  it('exports the stored time zone, not HALL_TZ’s, so an export imported elsewhere does not carry it', async () => {
    expect((await settings()).timezone).toBe(stored().timezone);
    expect((await settings()).timezone).not.toBe('Asia/Urumqi');
  });

  it('a time zone named deliberately is stored, and HALL_TZ still wins while it is set', async () => {
    expect((await putSettings({ ...(await settings()), timezone: 'Asia/Tokyo' })).status).toBe(200);
    expect(stored().timezone).toBe('Asia/Tokyo');
    expect(await inForce()).toBe('Asia/Urumqi');
  });

  it('keeps the seed file’s demo flag, through the settings and a whole set-up', async () => {
    expect((await putSettings({ ...(await settings()), demo: false })).status).toBe(200);
    expect(stored().demo).toBe(true);
    expect((await settings()).demo).toBe(true);
    const whole = HallSetupFile.parse((await api(hall.server.url, 'GET', '/api/admin/setup', { token: admin })).body);
    expect((await api(hall.server.url, 'PUT', '/api/admin/setup', { token: admin, body: { ...whole, settings: { ...whole.settings, demo: false } } })).status).toBe(200);
    expect(stored().demo).toBe(true);
    expect((await settings()).demo).toBe(true);
  });
});

describe('a hall that is not the demo hall', () => {
  let hall: TestHall;
  let admin: string;
  beforeAll(async () => {
    // The demo hall's set-up with its own PINs and `demo` off: a real hall copied from the demo.
    const demo = JSON.parse(readFileSync(new URL('../../config/demo-hall.json', import.meta.url), 'utf8'));
    demo.settings.demo = false;
    for (const person of demo.staff) person.pin = '246810';
    const config = join(mkdtempSync(join(tmpdir(), 'hall-real-')), 'hall.json');
    writeFileSync(config, JSON.stringify(demo));
    hall = await startTestHall({ clock: { now: () => NOW }, env: { HALL_CONFIG: config } });
    admin = await officeLogin(hall.server.url, '9001', '246810');
  });
  afterAll(() => hall.stop());

  it('refuses the demo PIN as a new person’s first PIN even when an import says it is the demo hall', async () => {
    const whole = HallSetupFile.parse((await api(hall.server.url, 'GET', '/api/admin/setup', { token: admin })).body);
    const body = {
      ...whole,
      settings: { ...whole.settings, demo: true },
      staff: [...whole.staff, { staffNo: '1199', name: '新同事', roles: ['window'], windows: [1], pin: '123456' }],
    };
    const refused = await api(hall.server.url, 'PUT', '/api/admin/setup', { token: admin, body });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.error)).toContain('demo_pin');
    expect((await api(hall.server.url, 'POST', '/api/office/login', { body: { staffNo: '1199', pin: '123456' } })).status).toBe(401);
  });
});
