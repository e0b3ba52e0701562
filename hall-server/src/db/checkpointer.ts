import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Moving the write-ahead log into the database file (a checkpoint) copies pages and waits for
// the disk. Left to SQLite it happens inside whichever commit finds the log long, on the one
// thread that answers every kiosk and window: that commit, and every request behind it, waits.
// So the server's own connection never checkpoints (connection.ts), and a worker thread with a
// connection of its own checkpoints every second instead. PASSIVE never waits for the writer:
// the hall goes on writing while the pages are copied, and starts the log afresh once they are.

/** Plain JavaScript, so the worker runs the same under tsx, vitest and a packaged build. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops checkpointing and closes the worker's connection. */
  stop(): Promise<void>;
}

export const CHECKPOINT_EVERY_MS = 1_000;

export function startCheckpointer(path: string, onError: (message: string) => void, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, everyMs } });
  worker.on('message', (message: { error: string }) => onError(message.error));
  worker.on('error', (error) => onError(String(error)));
  // The hall server may exit without waiting for it.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
