// The hall server as the service runs it: its TypeScript bundled into plain JavaScript under
// dist/, started with `node dist/main.js`, so no start compiles TypeScript on the fly (tsx).
// The project's own shared package (TypeScript) is bundled in; every installed package stays
// outside and is loaded from node_modules as usual (better-sqlite3 is native, pino starts
// workers by file name, and bundling would only make a second copy of each).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const manifest = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const dependencies = [manifest('../package.json'), manifest('../../shared/package.json')].flatMap((pkg) => Object.keys(pkg.dependencies ?? {}));
const external = dependencies.filter((name) => name !== '@hall/shared').flatMap((name) => [name, `${name}/*`]);

/** What runs as `node dist/<name>.js`. */
const ENTRIES = {
  main: 'src/main.ts',
};

const outdir = new URL('../dist/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ENTRIES,
  // From wherever it is run (npm runs it in hall-server/, a person may from the top).
  absWorkingDir: new URL('..', import.meta.url).pathname,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
});
