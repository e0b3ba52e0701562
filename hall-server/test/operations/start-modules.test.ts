import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverFile } from '../../src/server-files';

// A restart after a crash or a power cut answers as soon as the server has loaded what serving
// needs. exceljs alone took longer to load than fastify and socket.io together; the built
// server imports it only when a workbook is made or read (src/exports/excel.ts).

describe('the built server at start', () => {
  it('does not load exceljs until a workbook is made', () => {
    const bundle = readFileSync(serverFile('dist', 'main.js'), 'utf8');
    expect(bundle).not.toMatch(/^import\s[^;]*from\s*"exceljs"/m);
    expect(bundle).toContain('import("exceljs")');
  });
});
