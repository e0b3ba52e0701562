import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ServerEnv } from '../../src/config';
import { api, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// A person changes their own PIN from the console (window session) or the office page (office
// session), in a hall that is not the demo hall: its shared PIN may not be chosen there.

describe('changing one’s own PIN', () => {
  let hall: TestHall;
  let base: string;
  let configDir: string;
  /** The server's log, one JSON object a line. */
  const logged: Record<string, unknown>[] = [];

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'own-pin-'));
    const config = JSON.parse(readFileSync(ServerEnv.parse({}).HALL_CONFIG, 'utf8'));
    config.settings.demo = false;
    // A duty captain who also serves at window 21: a window session and an office session at once.
    Object.assign(config.staff.find((s: { staffNo: string }) => s.staffNo === '2003'), { roles: ['captain', 'window'], windows: [21] });
    const configPath = join(configDir, 'hall.json');
    writeFileSync(configPath, JSON.stringify(config));
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    hall = await startTestHall({ env: { HALL_CONFIG: configPath }, logger });
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

  it('logs every refused attempt, with who and why but never a PIN', async () => {
    const token = await login(base, '1004', 4);
    logged.length = 0;
    for (const currentPin of ['000000', '111112', '222223']) expect(await errorCode(changePin(token, { currentPin, newPin: '246813' }))).toBe('INVALID_CREDENTIALS');
    const refused = logged.filter((line) => line.msg === 'own PIN change refused');
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({ level: 40, staffNo: '1004', windowNo: 4, code: 'INVALID_CREDENTIALS' });
    expect(JSON.stringify(logged)).not.toMatch(/000000|111112|222223|246813/);
  });

  it('refuses the current PIN as the new one (same_as_current)', async () => {
    const token = await login(base, '1005', 5);
    const reply = await changePin(token, { currentPin: '123456', newPin: '123456' });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'PIN_TOO_WEAK', details: { reason: 'same_as_current' } });
  });

  it('ends the person’s other sessions, window and office, and keeps the one that made the change', async () => {
    const atWindow = await login(base, '2003', 21);
    const office1 = await officeLogin(base, '2003');
    const office2 = await officeLogin(base, '2003');
    expect((await changePin(office1, { currentPin: '123456', newPin: '864213' })).status).toBe(204);
    expect((await api(base, 'GET', '/api/office/session', { token: office1 })).status).toBe(200);
    expect((await api(base, 'GET', '/api/office/session', { token: office2 })).status).toBe(401);
    expect((await api(base, 'GET', '/api/auth/session', { token: atWindow })).status).toBe(401);
    // From the console, the console's session stays.
    const again = (await api(base, 'POST', '/api/auth/login', { body: { staffNo: '2003', pin: '864213', windowNo: 21 } })).body.token as string;
    const office3 = await officeLogin(base, '2003', '864213');
    expect((await changePin(again, { currentPin: '864213', newPin: '531642' })).status).toBe(204);
    expect((await api(base, 'GET', '/api/auth/session', { token: again })).status).toBe(200);
    expect((await api(base, 'GET', '/api/office/session', { token: office3 })).status).toBe(401);
  });

  it('refuses a change whose checked PIN was reset meanwhile, and keeps the reset', async () => {
    const db = new Database(hall.dbPath, { readonly: true });
    const storedHash = () => (db.prepare(`SELECT pin_hash AS pinHash FROM staff WHERE staff_no = '1007'`).get() as { pinHash: string }).pinHash;
    const before = storedHash();
    const change = { staffNo: '1007', currentPin: '123456', newPin: '246813', newPinHash: 'scrypt$new', from: { tokenHash: 'none', windowNo: null } };
    // The hash checked was the one before an administrator's reset.
    expect(() => hall.server.hall.changeOwnPin({ ...change, verifiedHash: 'scrypt$before-the-reset' })).toThrow(expect.objectContaining({ code: 'INVALID_CREDENTIALS' }));
    expect(storedHash()).toBe(before);
    // The hash checked still stored: the change goes through.
    hall.server.hall.changeOwnPin({ ...change, verifiedHash: before });
    await hall.server.hall.durable();
    expect(storedHash()).toBe('scrypt$new');
    db.close();
  });
});
