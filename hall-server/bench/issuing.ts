import { randomUUID } from 'node:crypto';
import { rawDurableInsertsPerSecond } from './baselines/raw-inserts';
import type { Benchmark } from './benchmark';
import type { ServerHostApi } from './processes/server-host';
import { ChildApi } from './support/child-api';
import { readDemoHall, tokenOf } from './support/demo-hall';
import { JsonHttp } from './support/http-client';
import { offerLoad } from './support/open-loop';
import type { Row } from './support/report';
import { percentile } from './support/stats';
import { formatNumber } from './support/table';
import { processCpuMs } from './support/clock';

// 1. Issuing: kiosks POST /api/tickets at rising rates to the hall server in its own process,
// each step on a fresh empty day. Where does it stop keeping up, against the rate at which
// SQLite commits durable single-row transactions on the same disk? The latency at the target
// rate is shown beside an empty HTTP server's under the same load: the floor of loopback HTTP
// between two processes on this machine.

const TARGET_RATE = 50;
/** Offered rates, tickets a second: the target's, then doubling from 500. */
const LADDER = [TARGET_RATE, 500, 1000, 2000, 4000, 8000];
const TARGET_P99_MS = 10;
/**
 * A rate is sustained when every ticket is answered with a p99 within this. Past capacity the
 * backlog grows and latency climbs to seconds, so the exact bound hardly matters.
 */
const SUSTAINED_P99_MS = 100;

interface Step {
  rate: number;
  p50: number;
  p99: number;
  /** Tickets issued in the step: the size of the day by its end, which each command's cost grows with. */
  answered: number;
  answeredPerSecond: number;
  serverCpu: number;
  /** The load generator's own share of a core: on two cores it competes with the server. */
  generatorCpu: number;
  /** Null when the server kept up; otherwise how it did not. */
  shortfall: string | null;
}

type Server = 'hall' | 'bare';

async function runStep(host: ChildApi<ServerHostApi>, server: Server, categories: string[], rate: number, durationMs: number): Promise<Step> {
  const http = new JsonHttp(await host.call(server === 'hall' ? 'startHall' : 'startBare'), 256);
  // The hall's kiosk's credential (the bare baseline takes none).
  const kiosk = tokenOf(await host.call('deviceCredentials'), 'kiosk');
  const headers: Record<string, string> = kiosk === undefined ? {} : { authorization: `Bearer ${kiosk}` };
  const cpuBefore = await host.call('cpuMs');
  const generatorBefore = processCpuMs();
  let issued = 0;
  const load = await offerLoad({
    ratePerSecond: rate,
    durationMs,
    maxBacklogMs: 500,
    // Every kiosk tap carries a fresh idempotency key, so every ticket writes one too.
    send: async () => {
      const category = categories[issued++ % categories.length];
      const reply = await http.post('/api/tickets', { category }, { ...headers, 'idempotency-key': randomUUID() });
      return reply.status === (server === 'hall' ? 201 : 200);
    },
  });
  const generatorCpu = (processCpuMs() - generatorBefore) / load.elapsedMs;
  const serverCpu = ((await host.call('cpuMs')) - cpuBefore) / load.elapsedMs;
  http.close();
  const p99 = percentile(load.latenciesMs, 99);
  let shortfall: string | null = null;
  if (load.overloaded) shortfall = 'backlog over 0.5 s, stopped';
  else if (load.failed > 0) shortfall = `${load.failed} requests failed`;
  else if (p99 > SUSTAINED_P99_MS) shortfall = `p99 over ${SUSTAINED_P99_MS} ms`;
  return {
    rate,
    p50: percentile(load.latenciesMs, 50),
    p99,
    answered: load.latenciesMs.length,
    answeredPerSecond: load.latenciesMs.length / (load.elapsedMs / 1000),
    serverCpu,
    generatorCpu,
    shortfall,
  };
}

function describe(step: Step): string {
  const kept = step.shortfall === null ? 'sustained' : `not sustained (${step.shortfall})`;
  const answered = `${formatNumber(step.answered)} answered (${formatNumber(step.answeredPerSecond)}/s)`;
  return `p50 ${formatNumber(step.p50)} ms, ${answered}, server CPU ${Math.round(step.serverCpu * 100)}%, load generator ${Math.round(step.generatorCpu * 100)}%: ${kept}`;
}

export const issuing: Benchmark = {
  name: 'issuing',
  async run({ quick, progress }) {
    const { rawMs, warmUpMs, stepMs, refinements } = quick
      ? { rawMs: 300, warmUpMs: 300, stepMs: 500, refinements: 0 }
      : { rawMs: 3000, warmUpMs: 3000, stepMs: 10_000, refinements: 3 };
    const categories = readDemoHall().categories.map((c) => c.code);

    // The disk's pace wanders from one minute to the next: it is measured before and after the
    // steps, and the faster of the two is the baseline, the harder one to reach.
    const rawBefore = rawDurableInsertsPerSecond(rawMs);
    progress(`raw durable inserts: ${formatNumber(rawBefore)}/s`);

    const host = await ChildApi.start<ServerHostApi>(new URL('./processes/server-host.ts', import.meta.url));
    try {
      // The first requests pay for JIT compilation and lazy set-up: not what a hall sees all day.
      await runStep(host, 'hall', categories, 200, warmUpMs);
      // What loopback HTTP between two processes costs on this machine, with no server work.
      const floor = await runStep(host, 'bare', categories, TARGET_RATE, stepMs);
      progress(`empty HTTP server at ${TARGET_RATE}/s: p50 ${formatNumber(floor.p50)} ms, p99 ${formatNumber(floor.p99)} ms`);
      const steps: Step[] = [];
      const measure = async (rate: number) => {
        const step = await runStep(host, 'hall', categories, rate, stepMs);
        progress(`${rate}/s: p99 ${formatNumber(step.p99)} ms, ${describe(step)}`);
        steps.push(step);
        return step.shortfall === null;
      };

      // Climb until the server falls behind.
      let kept = 0;
      let lost: number | null = null;
      for (const rate of LADDER) {
        if (!(await measure(rate))) {
          lost = rate;
          break;
        }
        kept = rate;
      }
      // Then narrow down between the last rate kept up with and the first one not.
      for (let i = 0; i < refinements && lost !== null && lost - kept > 20; i++) {
        const rate = Math.round((kept + lost) / 20) * 10;
        if (await measure(rate)) kept = rate;
        else lost = rate;
      }

      const rawAfter = rawDurableInsertsPerSecond(rawMs);
      progress(`raw durable inserts, after the steps: ${formatNumber(rawAfter)}/s`);
      const raw = Math.max(rawBefore, rawAfter);

      steps.sort((a, b) => a.rate - b.rate);
      const atTarget = steps.find((s) => s.rate === TARGET_RATE)!;
      const rows: Row[] = [
        {
          figure: 'raw durable inserts (baseline)',
          value: raw,
          unit: '/s',
          note: `better-sqlite3, WAL, synchronous=FULL, one row per transaction; the faster of ${formatNumber(rawBefore)}/s before the steps and ${formatNumber(rawAfter)}/s after`,
        },
        { figure: `p50 at ${TARGET_RATE}/s`, value: atTarget.p50, unit: 'ms', baseline: floor.p50, note: 'baseline: an empty HTTP server, same load' },
        {
          figure: `p99 at ${TARGET_RATE}/s`,
          value: atTarget.p99,
          unit: 'ms',
          baseline: floor.p99,
          targets: [{ on: 'value', op: '<=', limit: TARGET_P99_MS }],
          note: describe(atTarget),
        },
        ...steps
          .filter((s) => s !== atTarget)
          .map((s): Row => ({ figure: `p99 at ${s.rate}/s`, value: s.p99, unit: 'ms', note: describe(s) })),
        {
          figure: 'highest sustained rate',
          value: kept,
          unit: '/s',
          baseline: raw,
          targets: [{ on: 'ratio', op: '>=', limit: 0.5 }],
          note: lost === null ? 'kept up with every rate offered' : `not sustained at ${lost}/s`,
        },
      ];
      return rows;
    } finally {
      await host.stop();
    }
  },
};
