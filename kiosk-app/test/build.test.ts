import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What electron-builder packages for both Electron apps (`npm run build` makes it): the main
// process as one ES module with only Electron left outside, and the preload as CommonJS, which
// a sandboxed renderer needs.

describe.each(['kiosk-app', 'display-app'])('the Electron build of %s', (app) => {
  const built = (file: string) => fileURLToPath(new URL(`../../${app}/build/main/${file}`, import.meta.url));

  it('bundles the main process into one ES module that imports nothing but Electron and Node', () => {
    const main = readFileSync(built('main.js'), 'utf8');
    const check = spawnSync(process.execPath, ['--check', built('main.js')], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const imported = [...main.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imported).toContain('electron');
    expect(imported.filter((name) => name !== 'electron' && !name!.startsWith('node:'))).toEqual([]);
  });

  it('builds the preload as CommonJS requiring only Electron', () => {
    const preload = readFileSync(built('preload.cjs'), 'utf8');
    expect(preload).not.toMatch(/^import /m);
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(spawnSync(process.execPath, ['--check', built('preload.cjs')]).status).toBe(0);
  });
});
