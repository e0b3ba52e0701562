import { randomUUID } from 'node:crypto';
import type { Benchmark } from './benchmark';
import type { ServerHostApi } from './processes/server-host';
import { ChildApi } from './support/child-api';
import { readDemoHall } from './support/demo-hall';
import { JsonHttp } from './support/http-client';
import { offerLoad } from './support/open-loop';
import { percentile } from './support/stats';
import { formatNumber } from './support/table';

// 8. PIN flood: a kiosk (the demo hall's, with its credential) issues tickets at the target rate, first in a quiet hall, then while 32
// connections keep posting wrong PINs to the staff sign-in as fast as they are answered. Each
// wrong PIN costs a scrypt hash (tens of milliseconds of a core); the issuing p99 must stay within
// 2x of the quiet hall's, i.e. hashing must not hold up the commit group's disk syncs. The
// server's PIN lock is off here: the flood stands for guesses from as many addresses and staff
// numbers as it takes to keep every guess hashed, the worst the lock cannot stop.

const RATE = 50;
const FLOOD = 32;
const TARGET_RATIO = 2;
const GUESS_EVERY_MS = 50;

async function issuingP99(http: JsonHttp, kiosk: string, categories: string[], durationMs: number): Promise<{ p50: number; p99: number; failed: number }> {
  let issued = 0;
  const load = await offerLoad({
    ratePerSecond: RATE,
    durationMs,
    maxBacklogMs: 2_000,
    send: async () => {
      const category = categories[issued++ % categories.length];
      const reply = await http.post('/api/tickets', { category }, { 'idempotency-key': randomUUID(), authorization: `Bearer ${kiosk}` });
      return reply.status === 201;
    },
  });
  return { p50: percentile(load.latenciesMs, 50), p99: percentile(load.latenciesMs, 99), failed: load.failed + (load.overloaded ? 1 : 0) };
}

/** FLOOD connections posting wrong PINs back to back until `stop`; answers how many were answered and how. */
function wrongPinFlood(base: string, staffNos: string[]): { stop(): Promise<{ answered: number; statuses: Map<number, number> }> } {
  const http = new JsonHttp(base, FLOOD);
  let running = true;
  let answered = 0;
  const statuses = new Map<number, number>();
  const worker = async (n: number) => {
    for (let i = 0; running; i++) {
      const staffNo = staffNos[(n + i) % staffNos.length]!;
      const sent = performance.now();
      const reply = await http.post('/api/auth/login', { staffNo, pin: '000000', windowNo: 1 }).catch(() => null);
      // An attacker's own machine sends the flood; here it shares the server's two cores, so
      // each connection waits out at least a hash's time (50 ms) before its next guess instead
      // of spinning a core on instant refusals.
      const left = GUESS_EVERY_MS - (performance.now() - sent);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
      if (reply === null) continue;
      answered++;
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    }
  };
  const workers = Array.from({ length: FLOOD }, (_, n) => worker(n));
  return {
    async stop() {
      running = false;
      await Promise.all(workers);
      http.close();
      return { answered, statuses };
    },
  };
}

export const pinFlood: Benchmark = {
  name: 'pin-flood',
  async run({ quick, progress }) {
    const stepMs = quick ? 1_000 : 10_000;
    const setup = readDemoHall();
    const categories = setup.categories.map((c) => c.code);
    const staffNos = setup.staff.map((s) => s.staffNo);
    const host = await ChildApi.start<ServerHostApi>(new URL('./processes/server-host.ts', import.meta.url));
    try {
      const base = await host.call('startHall', { pinLock: false });
      const kiosk = await host.call('kioskToken');
      const http = new JsonHttp(base, 64);
      // Warm-up: the first requests pay for JIT compilation.
      await issuingP99(http, kiosk, categories, quick ? 300 : 2_000);
      const quiet = await issuingP99(http, kiosk, categories, stepMs);
      progress(`quiet hall: issuing p50 ${formatNumber(quiet.p50)} ms, p99 ${formatNumber(quiet.p99)} ms`);
      const flood = wrongPinFlood(base, staffNos);
      const flooded = await issuingP99(http, kiosk, categories, stepMs);
      const { answered, statuses } = await flood.stop();
      http.close();
      const replies = [...statuses].map(([status, count]) => `${formatNumber(count)}×${status}`).join(', ');
      progress(`during the flood: issuing p50 ${formatNumber(flooded.p50)} ms, p99 ${formatNumber(flooded.p99)} ms; ${replies} wrong-PIN replies`);
      const failures = quiet.failed + flooded.failed;
      return [
        { figure: `issuing p99 at ${RATE}/s, quiet hall`, value: quiet.p99, unit: 'ms', note: `p50 ${formatNumber(quiet.p50)} ms` },
        {
          figure: `issuing p99 at ${RATE}/s, ${FLOOD}-way wrong-PIN flood`,
          value: flooded.p99,
          unit: 'ms',
          baseline: quiet.p99,
          targets: [{ on: 'ratio', op: '<=', limit: TARGET_RATIO }],
          note: `p50 ${formatNumber(flooded.p50)} ms; the flood had ${formatNumber(answered)} wrong PINs answered (${replies}) in ${formatNumber(stepMs / 1000)} s${failures > 0 ? `; ${failures} tickets failed` : ''}`,
        },
      ];
    } finally {
      await host.stop();
    }
  },
};
