import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The hall server runs from its TypeScript (tests, benchmarks) and from its build (dist/main.js,
// as the service runs it), where every module is bundled into one file at another depth. So no
// module names a file relative to itself: this one finds the server's folder, the nearest above
// it holding package.json, and every file the server reads is named from there.

function findServerDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('the hall server’s folder (with its package.json) was not found');
    dir = up;
  }
  return dir;
}

/** The hall server's folder (hall-server/). */
export const SERVER_DIR = findServerDir();

/** A file or folder of the hall server, by its path inside hall-server/. */
export function serverFile(...path: string[]): string {
  return join(SERVER_DIR, ...path);
}
