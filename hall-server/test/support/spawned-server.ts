import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serverFile } from '../../src/server-files';

// The hall server as a service runs it: its build (`node dist/main.js`, made by `npm run build`)
// in a child process of its own, which a test may kill with SIGKILL, start again on the same
// database, or watch exit by itself. The log goes to standard output as JSON lines.

const MAIN = serverFile('dist', 'main.js');

export interface SpawnedServer {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
  /** Everything the server wrote so far (standard output and error). */
  output(): string;
  /** The server's log lines so far, parsed. */
  logLines(): Record<string, unknown>[];
  /** Settles with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<number | null>;
  /** SIGKILL: a power cut as far as the server can tell. */
  kill(): Promise<void>;
  /** SIGTERM: the service stopped; the server closes cleanly. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Environment over the test defaults (HALL_PORT 0, HALL_HOST 127.0.0.1, HALL_LOG_LEVEL info). */
  env: Record<string, string>;
  /** How long to wait for 'hall server listening' (ms). */
  timeoutMs?: number;
}

function parseLines(output: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** Starts the built server; resolves once it listens, rejects (with its output) if it exits first. */
export function spawnHallServer({ env, timeoutMs = 20_000 }: SpawnOptions): Promise<SpawnedServer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first (npm run build)`);
  const child = spawn(process.execPath, ['--enable-source-maps', MAIN], {
    cwd: serverFile(),
    env: { ...process.env, HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const listening = () => {
      const entry = parseLines(output).find((line) => line.msg === 'hall server listening');
      if (entry === undefined) return;
      clearTimeout(timer);
      child.stdout!.off('data', listening);
      const port = entry.port as number;
      resolve({
        child,
        base: `http://127.0.0.1:${port}`,
        port,
        output: () => output,
        logLines: () => parseLines(output),
        exited,
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout!.on('data', listening);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it listened:\n${output}`));
    });
  });
}
