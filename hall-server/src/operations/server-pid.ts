import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { StartRefused } from './start-refused';

// A running server says so beside its database (`hall.db.pid`, its process id), so `npm run
// restore` can refuse to pull the file from under it; a restore claims the file the same way
// while it works, so a server started meanwhile refuses instead of opening a file about to be
// replaced. A claim never takes the file from a live claimant: a second server (a second start,
// one that then fails on a port in use) would otherwise leave its own, soon dead, id in place of
// the running one's, and a restore would go on under the running server. A server killed
// outright (power cut, kill -9) leaves the file behind: only a live process under that id counts.

export const pidFileOf = (dbPath: string): string => `${dbPath}.pid`;

/**
 * Marks the database as in use by this process; answers the release, for a clean close. Refuses
 * (StartRefused DATABASE_IN_USE) while another live process has it.
 */
export function claimDatabase(dbPath: string): () => void {
  const file = pidFileOf(dbPath);
  const other = serverOn(dbPath);
  if (other !== null) {
    throw new StartRefused(
      'DATABASE_IN_USE',
      [
        `另一个进程（${other}）正在使用数据库 ${dbPath}：大厅服务器已在运行，或正在恢复备份。`,
        `Another process (${other}) is using the database ${dbPath}: a hall server is already running, or a restore is under way.`,
      ].join('\n'),
    );
  }
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    // Only our own claim is released: the file may name another process by now.
    if (claimantOf(file) === process.pid) rmSync(file, { force: true });
  };
}

function claimantOf(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Whether a live process under `pid` may be a hall server or a restore (node). Where the system
 * says what a process runs (Linux's /proc), an id left by a power cut and reused after the
 * reboot by some other program does not count; elsewhere every live process does.
 */
function mayBeOurs(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true;
  }
}

/** The id of a live process that claimed the database, or null (none, or one that is gone). */
export function serverOn(dbPath: string): number | null {
  const pid = claimantOf(pidFileOf(dbPath));
  if (pid === null || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's process.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return mayBeOurs(pid) ? pid : null;
}
