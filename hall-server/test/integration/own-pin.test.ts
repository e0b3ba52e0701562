import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerEnv } from '../../src/config';
import { api, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// A person changes their own PIN from the console (window session) or the office page (office
// session), in a hall that is not the demo hall: its shared PIN may not be chosen there.

describe('changing one’s own PIN', () => {
  let hall: TestHall;
  let base: string;
  let configDir: string;

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'own-pin-'));
    const config = JSON.parse(readFileSync(ServerEnv.parse({}).HALL_CONFIG, 'utf8'));
    config.settings.demo = false;
    const configPath = join(configDir, 'hall.json');
    writeFileSync(configPath, JSON.stringify(config));
    hall = await startTestHall({ env: { HALL_CONFIG: configPath } });
    base = hall.server.url;
  });
  afterAll(async () => {
    await hall.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  const changePin = (token: string | undefined, body: unknown) => api(base, 'POST', '/api/auth/pin', { body, ...(token ? { token } : {}) });
  const errorCode = async (reply: Promise<{ body: { error?: { code: string } } }>) => (await reply).body.error?.code;

  it('refuses without a session, a wrong current PIN and a weak new one', async () => {
    const token = await login(base, '1001', 1);
    expect(await errorCode(changePin(undefined, { currentPin: '123456', newPin: '246813' }))).toBe('UNAUTHORIZED');
    expect(await errorCode(changePin(token, { currentPin: '000000', newPin: '246813' }))).toBe('INVALID_CREDENTIALS');
    for (const weak of ['111111', '12345', '12a456', '123456']) {
      const reply = await changePin(token, { currentPin: '123456', newPin: weak });
      expect(reply.status, weak).toBe(400);
      expect(reply.body.error.code, weak).toBe('PIN_TOO_WEAK');
    }
    expect(await errorCode(changePin(token, { newPin: '246813' }))).toBe('VALIDATION_FAILED');
    // Nothing changed: the old PIN still signs in.
    await login(base, '1001', 1);
  });

  it('changes the PIN of whoever the console signed in, on record but never the PIN itself', async () => {
    const token = await login(base, '1002', 2);
    const reply = await changePin(token, { currentPin: '123456', newPin: '246813' });
    expect(reply.status).toBe(204);
    const oldPin = await api(base, 'POST', '/api/auth/login', { body: { staffNo: '1002', pin: '123456', windowNo: 2 } });
    expect(oldPin.body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await api(base, 'POST', '/api/auth/login', { body: { staffNo: '1002', pin: '246813', windowNo: 2 } })).status).toBe(200);

    const db = new Database(hall.dbPath, { readonly: true });
    const events = db.prepare(`SELECT staff_no AS staffNo, data FROM events WHERE type = 'staff.pin_changed'`).all() as { staffNo: string; data: string }[];
    const { pinHash } = db.prepare(`SELECT pin_hash AS pinHash FROM staff WHERE staff_no = '1002'`).get() as { pinHash: string };
    db.close();
    expect(events).toEqual([{ staffNo: '1002', data: '{}' }]);
    expect(pinHash).not.toContain('246813');
  });

  it('changes a duty captain’s PIN from the office session, and the PIN survives a restart', async () => {
    expect((await changePin(await officeLogin(base, '2001'), { currentPin: '123456', newPin: '975310' })).status).toBe(204);
    await hall.restart();
    base = hall.server.url;
    expect((await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '975310' } })).status).toBe(200);
  });
});
