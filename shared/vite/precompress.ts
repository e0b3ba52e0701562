import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

// Every page's assets are sent compressed: brotli and gzip copies are written next to each
// built file once, at build time, at the highest levels (slow to make, free to send); the hall
// server hands them out as they are (@fastify/static's `preCompressed`), no CPU per request.

const COMPRESSIBLE = /\.(html|js|css|svg|json|txt)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes `<file>.br` and `<file>.gz` beside every compressible file of the build. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'hall-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const content = readFileSync(file);
        const copies = {
          br: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
          gz: gzipSync(content, { level: 9 }),
        };
        // A copy no smaller than the file (a tiny one) is left out: the file goes as it is.
        for (const [extension, copy] of Object.entries(copies)) if (copy.length < content.length) writeFileSync(`${file}.${extension}`, copy);
      }
    },
  };
}
