import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageWeight, PHONE_TARGET_BYTES, referencedAssets } from '../../bench/page-weight';
import { pickEncoding } from '../../src/web/encoding';
import { startTestHall, type TestHall } from '../support/hall-server';

// Pages and their assets go out as the build compressed them, hashed assets cached for good,
// pages asked for again each time. Needs the built pages (`npm run build`, as `npm test` does).

function get(url: string, acceptEncoding: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const decode = (encoding: unknown, body: Buffer) =>
  encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;

describe('page delivery', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.stop());

  it('sends every page brotli- or gzip-compressed, not to be cached, the same page as uncompressed', async () => {
    for (const path of ['/t/some-ticket', '/window', '/office', '/kiosk', '/pad/1', '/display/hall', '/display/window/1']) {
      const plain = await get(hall.server.url + path, 'identity');
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip', 'gzip']] as const) {
        const reply = await get(hall.server.url + path, accept);
        expect(reply.status, path).toBe(200);
        expect(reply.headers['content-encoding'], path).toBe(encoding);
        expect(reply.headers['cache-control'], path).toBe('no-cache');
        expect(reply.headers.vary, path).toMatch(/accept-encoding/i);
        expect(reply.body.length, path).toBeLessThan(plain.body.length);
        expect(decode(encoding, reply.body).equals(plain.body), path).toBe(true);
      }
    }
  });

  it('sends the hashed scripts and styles compressed and cacheable for good', async () => {
    const html = (await get(`${hall.server.url}/t/some-ticket`, 'identity')).body.toString('utf8');
    const assets = referencedAssets(html);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    for (const asset of assets) {
      const url = new URL(asset, hall.server.url).href;
      const plain = await get(url, 'identity');
      const reply = await get(url, 'br, gzip');
      expect(reply.headers['cache-control'], asset).toMatch(/max-age=31536000.*immutable/);
      expect(reply.headers['content-encoding'], asset).toBe('br');
      expect(decode('br', reply.body).equals(plain.body), asset).toBe(true);
    }
  });

  it('brings the phone page to a phone in at most 60 KB, sharing no script with the staff pages', async () => {
    const phone = await pageWeight(hall.server.url, '/t/some-ticket', 'br, gzip');
    expect(phone.bytes).toBeLessThanOrEqual(PHONE_TARGET_BYTES);
    // In English too, with the English texts it fetches on demand.
    expect(phone.onDemand).toHaveLength(1);
    const english = (await get(phone.onDemand[0]!, 'br, gzip')).body.length;
    expect(phone.bytes + english).toBeLessThanOrEqual(PHONE_TARGET_BYTES);
    const assetsOf = async (path: string) => referencedAssets((await get(hall.server.url + path, 'identity')).body.toString('utf8'));
    const staff = new Set([...(await assetsOf('/window')), ...(await assetsOf('/office'))]);
    expect((await assetsOf('/t/some-ticket')).filter((a) => staff.has(a))).toEqual([]);
  });

  it('picks brotli, then gzip, and respects q=0', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, br;q=0')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('*')).toBe('br');
  });
});
