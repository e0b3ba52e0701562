import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The servers and the screens run in child processes of their own, so that the load generator
// does not compete with them for one event loop: each gets a core's worth of time, as far as
// two cores go. Each child offers a small API of async functions, called over the IPC channel.

// `never[]` admits functions of any parameters; the caller's side is typed through Parameters<>.
type Api = Record<string, (...args: never[]) => unknown>;

type Request = { id: number; method: string; args: unknown[] };
type Reply = { id: number; result?: unknown; error?: string } | { ready: true };

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

/** The parent's handle on a child started with `serveApi`. */
export class ChildApi<A extends Api> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const call = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error !== undefined) call?.reject(new Error(reply.error));
      else call?.resolve(reply.result);
    });
    child.once('exit', (code, signal) => {
      for (const call of this.pending.values()) call.reject(new Error(`child process exited (${signal ?? code})`));
      this.pending.clear();
    });
  }

  /** Runs `entry` (a module that calls `serveApi`) with tsx, from the hall server's folder. */
  static start<A extends Api>(entry: URL): Promise<ChildApi<A>> {
    const child = fork(fileURLToPath(entry), [], {
      cwd: serverDir,
      execArgv: ['--import', 'tsx'],
      // stdout goes nowhere (the hall server logs there, as in production); errors show.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(new ChildApi<A>(child)));
      child.once('exit', (code) => reject(new Error(`${entry.pathname} exited with ${code} before it was ready`)));
    });
  }

  call<K extends keyof A & string>(method: K, ...args: Parameters<A[K]>): Promise<Awaited<ReturnType<A[K]>>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, method, args } satisfies Request);
    });
  }

  /** Closes the channel; the child cleans up and exits. */
  async stop(): Promise<void> {
    if (this.child.connected) this.child.disconnect();
    await this.exited;
  }
}

/** In the child: answers the parent's calls; `cleanUp` runs when the parent lets go (or dies). */
export function serveApi(api: Api, cleanUp: () => Promise<void> = async () => {}): void {
  const send = (message: Reply) => process.send?.(message);
  process.on('message', async ({ id, method, args }: Request) => {
    try {
      const handler = api[method] as ((...args: unknown[]) => unknown) | undefined;
      if (!handler) throw new Error(`no such method: ${method}`);
      send({ id, result: await handler(...args) });
    } catch (error) {
      send({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  process.once('disconnect', () => {
    cleanUp().finally(() => process.exit(0));
  });
  send({ ready: true });
}
