import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKEN_FRAGMENT_PARAM } from '@hall/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { ServerEnv } from '../../src/config';
import { serverFile } from '../../src/server-files';
import { spawnHallServer } from '../support/spawned-server';

// The service definitions in deploy/ run the built server from the installation folder, restart
// it except after exit 78, and set only real variables of the server's environment. The systemd
// unit's own command line is started here, from a folder laid out like /opt/hall-queue, with the
// settings of deploy/hall.env.example: it answers /api/health and logs to its log folder.

const deploy = serverFile('..', 'deploy');
const envNames = Object.keys(ServerEnv.shape).sort();

/** A systemd unit's settings by section; a key set twice keeps both values. */
function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const sections: Record<string, Record<string, string[]>> = {};
  let section: Record<string, string[]> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = sections[header[1]!] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    (section[line.slice(0, eq)] ??= []).push(line.slice(eq + 1));
  }
  return sections;
}

/** The example's assignments: every variable, commented out (its default) or set. */
function parseEnvExample(text: string): { documented: string[]; set: Record<string, string> } {
  const documented = new Set<string>();
  const set: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const assignment = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!assignment) continue;
    documented.add(assignment[2]!);
    if (assignment[1] === undefined) set[assignment[2]!] = assignment[3]!;
  }
  return { documented: [...documented].sort(), set };
}

const unit = parseUnit(readFileSync(join(deploy, 'systemd', 'hall-queue.service'), 'utf8'));
const service = unit.Service!;
const unitEnv = Object.fromEntries(service.Environment!.map((assignment) => assignment.split('=', 2) as [string, string]));
const example = parseEnvExample(readFileSync(join(deploy, 'hall.env.example'), 'utf8'));

let install: string | null = null;
let child: ChildProcess | null = null;

afterEach(async () => {
  if (child !== null && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  child = null;
  if (install !== null) rmSync(install, { recursive: true, force: true });
  install = null;
});

describe('the service definitions', () => {
  it('systemd: the built server from the installation folder, restarted except after exit 78, started at boot', () => {
    const [node, ...args] = service.ExecStart![0]!.split(/\s+/);
    expect(node).toMatch(/^\/.*\/node$/);
    expect(args).toEqual(['--enable-source-maps', 'hall-server/dist/main.js']);
    expect(service.WorkingDirectory).toEqual(['/opt/hall-queue']);
    expect(service.Restart).toEqual(['always']);
    expect(Number(service.RestartSec![0])).toBeLessThanOrEqual(5);
    expect(service.RestartPreventExitStatus).toEqual(['78']);
    expect(service.User?.[0]).toMatch(/^(?!root$)\S+$/);
    expect(unit.Unit!.After).toContain('network-online.target');
    expect(unit.Unit!.StartLimitIntervalSec).toEqual(['0']);
    expect(unit.Install!.WantedBy).toEqual(['multi-user.target']);
    // It names only real variables, and makes the log folder it names for the service's user.
    expect(Object.keys(unitEnv).filter((name) => !envNames.includes(name))).toEqual([]);
    expect(unitEnv.HALL_LOG_DIR).toBe(`/var/log/${service.LogsDirectory![0]}`);
    expect(example.set.HALL_DB!.startsWith(`/var/lib/${service.StateDirectory![0]}/`)).toBe(true);
  });

  it('Windows (WinSW): the same built file, restarted on failure, started at boot, only real variables', () => {
    const xml = readFileSync(join(deploy, 'windows', 'hall-queue.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const element = (name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!.trim());
    expect(element('executable')[0]).toMatch(/\\node\.exe$/);
    expect(element('arguments')[0]!.split(/\s+/)).toEqual(['--enable-source-maps', 'hall-server\\dist\\main.js']);
    expect(element('workingdirectory')).toEqual(['%BASE%']);
    expect(element('startmode')).toEqual(['Automatic']);
    expect(element('delayedAutoStart')).toEqual(['true']);
    const onFailure = [...xml.matchAll(/<onfailure action="(\w+)"/g)].map((m) => m[1]);
    expect(onFailure.length).toBeGreaterThan(0);
    expect(onFailure.every((action) => action === 'restart')).toBe(true);
    const names = [...xml.matchAll(/<env name="([^"]+)"/g)].map((m) => m[1]!);
    expect(names).toEqual(['HALL_LOG_DIR']);
    expect(names.filter((name) => !envNames.includes(name))).toEqual([]);
  });

  it('hall.env.example lists every variable of the server, and no other', () => {
    expect(example.documented).toEqual(envNames);
  });
});

describe('the systemd unit’s command line', () => {
  it('starts the built server in its working directory with the example’s settings: it answers /api/health and logs to files, nothing secret', async () => {
    // /opt/hall-queue in small: the software (hall-server/, its build), nothing else. The data and
    // log folders are relative here, so they land in the working directory only if it is used.
    install = mkdtempSync(join(tmpdir(), 'hall-install-'));
    symlinkSync(serverFile(), join(install, 'hall-server'), 'dir');
    const [, ...args] = service.ExecStart![0]!.split(/\s+/);
    const settings = { ...example.set, ...unitEnv, HALL_DB: 'data/hall.db', HALL_LOG_DIR: 'logs', HALL_PORT: '0', HALL_HOST: '127.0.0.1' };
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('HALL_')));
    const started = spawn(process.execPath, args, { cwd: install, env: { ...inherited, ...settings }, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let output = '';
    started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const health = await new Promise<string>((resolve, reject) => {
      started.stdout.on('data', () => {
        const found = /健康检查 health\s+(http:\/\/\S+\/api\/health)/.exec(output);
        if (found) resolve(found[1]!);
      });
      started.once('exit', (code) => reject(new Error(`the service exited (${code}) before it listened:\n${output}`)));
    });
    const reply = await fetch(health);
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ storage: { writable: true } });
    expect(existsSync(join(install, 'data', 'hall.db'))).toBe(true);

    // A wrong PIN, a right one and a ticket: none of the secrets may reach the log.
    const base = new URL(health).origin;
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    expect((await post('/api/auth/login', { staffNo: '1001', pin: '987650', windowNo: 1 })).status).toBe(401);
    const session = (await (await post('/api/auth/login', { staffNo: '1001', pin: '123456', windowNo: 1 })).json()) as { token: string };
    expect(session.token).toEqual(expect.any(String));
    const kioskLink = output.split(/\s+/).find((word) => word.includes('/kiosk') && word.includes(`#${TOKEN_FRAGMENT_PARAM}=`))!;
    const kioskToken = new URL(kioskLink).hash.slice(`#${TOKEN_FRAGMENT_PARAM}=`.length);
    const ticket = (await (await post('/api/tickets', { category: 'A' }, kioskToken)).json()) as { secret: string };
    expect(ticket.secret).toEqual(expect.any(String));

    const logs = join(install, 'logs');
    const files = () => readdirSync(logs).filter((name) => /^hall\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(name));
    const lines = () => files().flatMap((name) => readFileSync(join(logs, name), 'utf8').trim().split('\n')).map((line) => JSON.parse(line) as Record<string, unknown>);
    await expect.poll(() => lines().map((line) => line.msg)).toEqual(expect.arrayContaining(['hall server listening', 'wrong PIN']));
    const text = files().map((name) => readFileSync(join(logs, name), 'utf8')).join('');
    for (const secret of ['987650', '123456', session.token, kioskToken, ticket.secret]) expect(text).not.toContain(secret);
    // The banner stays on standard output (the journal); the log lines do not.
    expect(output).not.toContain('"msg":"hall server listening"');
  }, 60_000);
});

describe('a start that needs a person', () => {
  it('a bad setting stops the start with exit 78 and says which', async () => {
    const failure = await spawnHallServer({ env: { HALL_PORT: 'eighty' } }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/exited \(78\) before it listened/);
    expect(failure).toContain('[BAD_ENVIRONMENT]');
    expect(failure).toContain('HALL_PORT');
  }, 30_000);

  it('a log folder that cannot be made stops the start with exit 78 too', async () => {
    install = mkdtempSync(join(tmpdir(), 'hall-install-'));
    writeFileSync(join(install, 'not-a-folder'), '');
    const failure = await spawnHallServer({ env: { HALL_DB: join(install, 'hall.db'), HALL_LOG_DIR: join(install, 'not-a-folder', 'logs') } }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/exited \(78\) before it listened/);
    expect(failure).toContain('[LOG_UNWRITABLE]');
    expect(existsSync(join(install, 'hall.db'))).toBe(false);
  }, 30_000);
});
