import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:https';
import { join } from 'node:path';
import selfsigned from 'selfsigned';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerEnv, readServerEnv } from '../../src/config';
import { readTls } from '../../src/tls';
import { startTestHall, type TestHall } from '../support/hall-server';

// Optional HTTPS with the hall's own certificate (HALL_TLS_CERT, HALL_TLS_KEY), made here.

/** GET over HTTPS trusting only `ca` (the hall's certificate, as a pinned device would). */
function getTrusting(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS with the hall’s own certificate', () => {
  let hall: TestHall;
  let cert: string;
  let certPath: string;
  let keyPath: string;
  let dir: string;
  beforeAll(async () => {
    const made = await selfsigned.generate([{ name: 'commonName', value: 'hall.local' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    cert = made.cert;
    dir = mkdtempSync(join(tmpdir(), 'hall-tls-'));
    certPath = join(dir, 'cert.pem');
    keyPath = join(dir, 'key.pem');
    writeFileSync(certPath, made.cert);
    writeFileSync(keyPath, made.private);
    hall = await startTestHall({ env: { HALL_TLS_CERT: certPath, HALL_TLS_KEY: keyPath } });
  });
  afterAll(async () => {
    await hall.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the API and the sockets over HTTPS and tells the certificate’s fingerprint', async () => {
    expect(hall.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(hall.server.tls?.fingerprint).toBe(new X509Certificate(cert).fingerprint256);
    expect(hall.server.tls?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const health = await getTrusting(`${hall.server.url}/api/health`, cert);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body).status).toBe('ok');
    const socket = io(hall.server.url, { auth: { client: 'hall-screen' }, transports: ['websocket'], reconnection: false, ca: cert, rejectUnauthorized: true });
    await new Promise<void>((resolve, reject) => {
      socket.on('hall:snapshot', () => resolve());
      socket.on('connect_error', reject);
    });
    socket.close();
  });

  it('is refused by a client that does not trust the certificate', async () => {
    await expect(fetch(`${hall.server.url}/api/health`)).rejects.toThrow();
  });

  it('takes both files or neither, and says what is wrong with them before starting', () => {
    expect(() => readServerEnv({ HALL_TLS_CERT: certPath })).toThrow(/HALL_TLS_CERT and HALL_TLS_KEY go together/);
    expect(() => readServerEnv({ HALL_TLS_KEY: keyPath })).toThrow(/HALL_TLS_CERT and HALL_TLS_KEY go together/);
    expect(() => readTls(ServerEnv.parse({ HALL_TLS_CERT: '/nowhere/cert.pem', HALL_TLS_KEY: keyPath }))).toThrow(/HALL_TLS_CERT: cannot read \/nowhere\/cert.pem/);
    expect(() => readTls(ServerEnv.parse({ HALL_TLS_CERT: keyPath, HALL_TLS_KEY: keyPath }))).toThrow(/HALL_TLS_CERT: .* is not a PEM certificate/);
    expect(() => readTls(ServerEnv.parse({ HALL_TLS_CERT: certPath, HALL_TLS_KEY: certPath }))).toThrow(/HALL_TLS_KEY: .* cannot be used/);
  });
});
