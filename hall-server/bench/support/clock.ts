/**
 * Milliseconds on the system's monotonic clock. Unlike performance.now(), whose origin is the
 * process start, it reads the same in every process of the machine, so a request timed in
 * one process and its receipt in another can be subtracted.
 */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

export function sleepUntil(atMonoMs: number): Promise<void> {
  return sleep(atMonoMs - monoMs());
}

/** CPU time this process has used, to tell a saturated process from one waiting on I/O. */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
