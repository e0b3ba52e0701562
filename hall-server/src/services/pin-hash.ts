import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../domain';

// Staff PINs are short, so they are stored only as salted scrypt hashes, with the cost
// parameters in the stored string so they can be raised later without breaking old hashes.
//
// Checking a PIN is what anyone on the LAN can make the server do, so it runs on a thread of
// its own: node's scrypt() runs on libuv's four pool threads, which the commit group's disk
// syncs need too, and 32 parallel wrong sign-ins held every ticket's sync up by half a second.
// One thread hashes one PIN at a time (some 50 ms of a core) and rests as long after each, so a
// flood of guesses takes at most half of one of the server's cores; a few more may wait, the
// rest are refused (PIN_CHECK_BUSY) rather than queued without bound. Some ten checks a second
// is far more than a hall's morning sign-in needs. Setting PINs (the hall's set-up,
// an administrator's reset, one's own change after the current PIN was checked) is done by
// people already trusted, and stays on the pool.

const COST: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>> = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** PIN checks waiting for the thread, besides the one it is doing: about a second's worth. */
const MAX_WAITING = 8;
const BUSY_RETRY_SECONDS = 5;

function derive(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * A stored hash no PIN matches, checked in place of an unknown staff number's: an unknown
 * number costs the same hash as a known one, so the time of a refusal does not tell them apart.
 */
export const NO_PIN_HASH = ['scrypt', COST.N, COST.r, COST.p, randomBytes(16).toString('base64'), randomBytes(KEY_LENGTH).toString('base64')].join('$');

// Plain CommonJS, evaluated: the thread needs no TypeScript loader under tsx or vitest.
const HASHER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
const rest = new Int32Array(new SharedArrayBuffer(4));
parentPort.on('message', ({ id, pin, salt, cost, keyLength }) => {
  const started = performance.now();
  try {
    const key = scryptSync(pin, Buffer.from(salt, 'base64'), keyLength, cost);
    parentPort.postMessage({ id, key });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
  // As long a rest as the hash took: at most half a core, the rest of the machine for the hall.
  Atomics.wait(rest, 0, 0, performance.now() - started);
});
`;

interface Job {
  resolve(key: Uint8Array): void;
  reject(error: Error): void;
}

/** The PIN-checking thread: started on first use, not holding the process open, started again if it dies. */
class PinHasher {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  derive(pin: string, salt: string, cost: ScryptOptions): Promise<Uint8Array> {
    if (this.jobs.size > MAX_WAITING) return Promise.reject(new DomainError('PIN_CHECK_BUSY', { retryAfterSeconds: BUSY_RETRY_SECONDS }));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      this.thread().postMessage({ id, pin, salt, cost, keyLength: KEY_LENGTH });
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(HASHER_SOURCE, { eval: true });
    worker.unref();
    worker.on('message', ({ id, key, error }: { id: number; key?: Uint8Array; error?: string }) => {
      const job = this.jobs.get(id);
      this.jobs.delete(id);
      if (key) job?.resolve(key);
      else job?.reject(new Error(error));
    });
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const job of this.jobs.values()) job.reject(error);
      this.jobs.clear();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the PIN thread stopped (${code})`)));
    this.worker = worker;
    return worker;
  }
}

const hasher = new PinHasher();

/** Whether `pin` is the one `stored` was made from; hashed on the PIN thread (PIN_CHECK_BUSY when too many wait). */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await hasher.derive(pin, salt, { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
