import { cpus, loadavg, release, totalmem, type } from 'node:os';

/**
 * The line every result table starts with: figures mean little without the machine, nor
 * when something else was keeping its cores busy (the load average as the run starts).
 */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const ramGb = Math.round(totalmem() / 2 ** 30);
  const load = loadavg()[0]!.toFixed(1);
  return `${cores.length} cores, ${model}, ${ramGb} GB RAM, Node ${process.version}, ${type()} ${release()}; load average ${load} at start`;
}
