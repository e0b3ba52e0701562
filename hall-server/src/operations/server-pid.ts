import { readFileSync, rmSync, writeFileSync } from 'node:fs';

// A running server says so beside its database (`hall.db.pid`, its process id), so `npm run
// restore` can refuse to pull the file from under it. A server killed outright (power cut,
// kill -9) leaves the file behind: only a process still alive under that id counts.

export const pidFileOf = (dbPath: string): string => `${dbPath}.pid`;

/** Marks the database as in use by this process; answers the release, for a clean close. */
export function claimDatabase(dbPath: string): () => void {
  const file = pidFileOf(dbPath);
  writeFileSync(file, `${process.pid}\n`);
  return () => rmSync(file, { force: true });
}

/** The id of a live process that claimed the database, or null (none, or one that is gone). */
export function serverOn(dbPath: string): number | null {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(pidFileOf(dbPath), 'utf8'), 10);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
