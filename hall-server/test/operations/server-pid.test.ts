import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { claimDatabase, pidFileOf, serverOn } from '../../src/operations/server-pid';
import { StartRefused } from '../../src/operations/start-refused';

// The claim on a database (hall.db.pid) that keeps a restore from running under a server and a
// server from starting during a restore: a second claimant never takes it from a live one.

const dir = mkdtempSync(join(tmpdir(), 'hall-pid-'));
const dbPath = join(dir, 'hall.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(pidFileOf(dbPath), { force: true });
});

/** A live process: node (as a hall server is), or another program. */
function live(command: string, args: string[]): number {
  const child = spawn(command, args, { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

describe('claiming the database', () => {
  it('refuses while another live node process has it, and leaves its claim in place', () => {
    const other = live(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    writeFileSync(pidFileOf(dbPath), `${other}\n`);
    expect(() => claimDatabase(dbPath)).toThrow(StartRefused);
    expect(() => claimDatabase(dbPath)).toThrow(/另一个进程（\d+）正在使用数据库/);
    expect(readFileSync(pidFileOf(dbPath), 'utf8').trim()).toBe(String(other));
    expect(serverOn(dbPath)).toBe(other);
  });

  it('takes over a claim left by a process that is gone, and releases only its own claim', () => {
    writeFileSync(pidFileOf(dbPath), '999999999\n');
    const release = claimDatabase(dbPath);
    expect(readFileSync(pidFileOf(dbPath), 'utf8').trim()).toBe(String(process.pid));
    const other = live(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    writeFileSync(pidFileOf(dbPath), `${other}\n`);
    release();
    expect(serverOn(dbPath)).toBe(other);
  });

  it.runIf(process.platform === 'linux')('does not count an id reused after a power cut by a program that is no hall server', () => {
    writeFileSync(pidFileOf(dbPath), `${live('sleep', ['30'])}\n`);
    expect(serverOn(dbPath)).toBeNull();
    expect(() => claimDatabase(dbPath)()).not.toThrow();
  });
});
