import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { ServerEnv } from '../src/config';
import { startHallServer } from '../src/server';
import { pages, readPage } from '../src/web/pages';
import type { Benchmark } from './benchmark';
import type { Row } from './support/report';

// 6. What each page costs a visitor opening it cold, with nothing cached: its HTML and every
// script and style sheet it references, fetched from the real hall server as a phone's browser
// asks for them (`Accept-Encoding: br, gzip`), counted as the bytes on the wire (the bodies as
// sent, before decompression). The baseline is the same page fetched uncompressed in the same
// run. The phone page (手机查号) is opened on visitors' mobile data: it must stay within 60 KB.

export const PHONE_TARGET_BYTES = 60 * 1024;

/** The body's length as sent, and its encoding. */
function fetchRaw(url: string, acceptEncoding: string): Promise<{ status: number; bytes: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: body.length, encoding: String(res.headers['content-encoding'] ?? 'identity'), body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The scripts, module preloads and style sheets an HTML page makes the browser fetch. */
export function referencedAssets(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="(stylesheet|modulepreload)"/.test(tag)) found.add(href);
  }
  return [...found];
}

export interface Weight {
  bytes: number;
  files: number;
  encodings: Set<string>;
  /** Scripts the page's scripts import on demand (the phone page's English texts), as URLs. */
  onDemand: string[];
}

/** The chunks a built script imports on demand (`import("./en-….js")`). */
function dynamicImports(script: string): string[] {
  return [...script.matchAll(/import\(\s*[`'"](\.\/[^`'"]+\.js)[`'"]\s*\)/g)].map((m) => m[1]!);
}

export async function pageWeight(base: string, path: string, acceptEncoding: string): Promise<Weight> {
  const page = await fetchRaw(base + path, acceptEncoding);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  // The HTML's text, to find what it references: read uncompressed once more.
  const html = (await fetchRaw(base + path, 'identity')).body.toString('utf8');
  const weight: Weight = { bytes: page.bytes, files: 1, encodings: new Set([page.encoding]), onDemand: [] };
  for (const asset of referencedAssets(html)) {
    const url = new URL(asset, base + path).href;
    const reply = await fetchRaw(url, acceptEncoding);
    if (reply.status !== 200) throw new Error(`${asset} (of ${path}) answered ${reply.status}`);
    weight.bytes += reply.bytes;
    weight.files += 1;
    weight.encodings.add(reply.encoding);
    if (asset.endsWith('.js')) {
      const script = (await fetchRaw(url, 'identity')).body.toString('utf8');
      weight.onDemand.push(...dynamicImports(script).map((chunk) => new URL(chunk, url).href));
    }
  }
  return weight;
}

export const pageWeightBenchmark: Benchmark = {
  name: 'page-weight',
  async run(options) {
    const missing = pages.filter((page) => readPage(page) === null);
    if (missing.length > 0) throw new Error(`pages not built (${missing.map((p) => p.html).join(', ')}): run npm run build first`);
    const dir = mkdtempSync(join(tmpdir(), 'hall-weight-'));
    const server = await startHallServer(ServerEnv.parse({ HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_DB: join(dir, 'hall.db') }), {
      logger: pino({ level: 'silent' }),
      // Every page's assets fetched twice (compressed and plain) from one address: a weight, not a flood.
      limits: { rates: false },
    });
    const rows: Row[] = [];
    try {
      // The quick run measures the same: a page's weight does not depend on how long one looks.
      for (const page of pages) {
        const path = (page.example ?? page.route).replace('<号票 id>', '0190f0c0-0000-7000-8000-000000000000');
        options.progress(`fetching ${path}`);
        const compressed = await pageWeight(server.url, path, 'br, gzip');
        const plain = await pageWeight(server.url, path, 'identity');
        const phone = page.html === 'phone.html';
        const phoneTarget = { targets: [{ on: 'value' as const, op: '<=' as const, limit: PHONE_TARGET_BYTES / 1024 }] };
        rows.push({
          figure: `${page.title} (${page.route}), cold`,
          value: compressed.bytes / 1024,
          unit: 'KB',
          baseline: plain.bytes / 1024,
          ...(phone ? phoneTarget : {}),
          note: `HTML and ${compressed.files - 1} scripts/styles, bodies as sent (${[...compressed.encodings].sort().join(', ')}); baseline: uncompressed`,
        });
        if (compressed.onDemand.length === 0) continue;
        // What a visitor whose page loads its on-demand parts too (the phone page in English) gets.
        const extra = async (encoding: string) => {
          let bytes = 0;
          for (const url of compressed.onDemand) bytes += (await fetchRaw(url, encoding)).bytes;
          return bytes;
        };
        rows.push({
          figure: `${page.title}, with its ${compressed.onDemand.length} on-demand script(s)`,
          value: (compressed.bytes + (await extra('br, gzip'))) / 1024,
          unit: 'KB',
          baseline: (plain.bytes + (await extra('identity'))) / 1024,
          ...(phone ? phoneTarget : {}),
          note: 'the phone page in English: its English texts come on demand',
        });
      }
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
