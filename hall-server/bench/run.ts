import { auditLogBenchmark } from './audit-log';
import type { Benchmark } from './benchmark';
import { callToScreen } from './call-to-screen';
import { coldStart } from './cold-start';
import { issuing } from './issuing';
import { monthlyExportBenchmark } from './monthly-export';
import { pageWeightBenchmark } from './page-weight';
import { pinFlood } from './pin-flood';
import { reports } from './reports';
import { waitEstimate } from './wait-estimate';
import { yearInTheHall } from './year-in-the-hall';
import { describeMachine } from './support/machine';
import { formatTable, type Section } from './support/table';

// npm run bench [-- --quick] [names...]: runs the benchmarks one after the other and prints
// the machine and one table. It reports; a missed target does not fail the run, a crash does.

const benchmarks: Benchmark[] = [issuing, callToScreen, yearInTheHall, waitEstimate, coldStart, pageWeightBenchmark, auditLogBenchmark, pinFlood, reports, monthlyExportBenchmark];

function parseArgs(args: string[]): { quick: boolean; selected: Benchmark[] } {
  const quick = args.includes('--quick');
  const names = args.filter((a) => a !== '--quick');
  const unknown = names.filter((n) => !benchmarks.some((b) => b.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark ${unknown.join(', ')}; there are: ${benchmarks.map((b) => b.name).join(', ')}\n`);
    process.exit(2);
  }
  return { quick, selected: names.length === 0 ? benchmarks : benchmarks.filter((b) => names.includes(b.name)) };
}

const { quick, selected } = parseArgs(process.argv.slice(2));
const machine = describeMachine();
const sections: Section[] = [];
const timings: string[] = [];
const crashes: string[] = [];
for (const benchmark of selected) {
  const started = performance.now();
  const progress = (message: string) => process.stderr.write(`[${benchmark.name}] ${message}\n`);
  try {
    sections.push({ benchmark: benchmark.name, rows: await benchmark.run({ quick, progress }) });
  } catch (error) {
    crashes.push(`${benchmark.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  timings.push(`${benchmark.name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

process.stdout.write(
  [
    `hall queue benchmarks, ${quick ? 'quick' : 'full'} run, ${new Date().toISOString()}`,
    `machine: ${machine}`,
    '',
    formatTable(sections),
    '',
    `took: ${timings.join(', ')}`,
    ...crashes.map((c) => `\nCRASHED ${c}`),
    '',
  ].join('\n'),
);
process.exitCode = crashes.length > 0 ? 1 : 0;
