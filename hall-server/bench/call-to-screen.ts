import type { CallView, ClientHello, HallWindow, IssueTicketReply, WindowActionReply } from '@hall/shared';
import { randomBytes } from 'node:crypto';
import { login } from '../test/support/hall-server';
import type { Benchmark } from './benchmark';
import type { ScreensApi } from './processes/screens';
import { callKey } from './support/call-key';
import type { ServerHostApi } from './processes/server-host';
import { ChildApi } from './support/child-api';
import { monoMs, sleep, sleepUntil } from './support/clock';
import { readDemoHall, staffEveryWindow, tokenOf, type DemoCredential } from './support/demo-hall';
import { JsonHttp } from './support/http-client';
import type { Row } from './support/report';
import { percentile } from './support/stats';
import { formatNumber } from './support/table';

// 2. Call to screen: every window of the demo hall calls and finishes in a loop while the
// hall's screens, pads, kiosks and phone pages are connected. How long from a call's HTTP
// request until the last of them has the `ticket:called`, against a bare socket.io server
// broadcasting the same payload to the same clients? Then every window calling back to back:
// how many calls a second reach them all? Server, clients and the driver (this process) each
// run in a process of their own.

const TARGET_P99_MS = 50;
const TARGET_RATIO = 2;
/**
 * Each window calls every 3 s: 7.7 calls a second, about a hundred times a county hall's
 * busiest hour (23 windows each calling every few minutes). Latency is measured there; what
 * the server can do flat out is measured separately.
 */
const PERIOD_MS = 3000;
/** Who listens in a county hall besides each window's screen and pad: mostly visitors' phones. */
const MIX = { hallScreens: 4, kiosks: 10, phones: 240 } as const;

/** The hall's clients, each device with its credential (the demo hall's; none for the bare baseline). */
export function clientsOf(windows: readonly HallWindow[], followed: readonly string[], credentials: readonly DemoCredential[] = []): ClientHello[] {
  const device = (hello: ClientHello & { client: DemoCredential['kind'] }): ClientHello => {
    const token = tokenOf(credentials, hello.client, hello.windowNo);
    return token === undefined ? hello : { ...hello, token };
  };
  return [
    ...Array.from({ length: MIX.hallScreens }, () => device({ client: 'hall-screen' })),
    ...windows.map((w) => device({ client: 'window-screen', windowNo: w.no })),
    ...windows.map((w) => device({ client: 'pad', windowNo: w.no })),
    ...Array.from({ length: MIX.kiosks }, () => device({ client: 'kiosk' })),
    ...followed.slice(-MIX.phones).map((secret): ClientHello => ({ client: 'phone', ticket: secret })),
  ];
}

interface Durations {
  warmUpMs: number;
  pacedMs: number;
  flatOutMs: number;
}

/** One window's call: resolves to the id of the ticket called, or null if there was none. */
type Call = (window: HallWindow) => Promise<string | null>;

/** Every window calling once per period, spread evenly over it; returns when each call after the warm-up was sent. */
async function callPaced(windows: readonly HallWindow[], warmUpMs: number, durationMs: number, call: Call): Promise<Map<string, number>> {
  const sentAt = new Map<string, number>();
  const start = monoMs() + 50;
  const measureFrom = start + warmUpMs;
  const end = measureFrom + durationMs;
  await Promise.all(
    windows.map(async (window, i) => {
      for (let due = start + (i * PERIOD_MS) / windows.length; due < end; due += PERIOD_MS) {
        await sleepUntil(due);
        const sent = monoMs();
        const key = await call(window);
        if (key !== null && sent >= measureFrom) sentAt.set(key, sent);
      }
    }),
  );
  return sentAt;
}

/** Every window calling again as soon as its last call is answered; returns calls per second. */
async function callFlatOut(windows: readonly HallWindow[], durationMs: number, call: Call): Promise<number> {
  const start = monoMs();
  let calls = 0;
  await Promise.all(
    windows.map(async (window) => {
      while (monoMs() - start < durationMs && (await call(window)) !== null) calls++;
    }),
  );
  return calls / ((monoMs() - start) / 1000);
}

interface Measured {
  clients: number;
  latenciesMs: number[];
  /** Calls that did not reach every client. */
  lost: number;
  serverCpu: number;
  clientsCpu: number;
  flatOutPerSecond: number;
}

export interface Children {
  host: ChildApi<ServerHostApi>;
  screens: ChildApi<ScreensApi>;
}

/** Both children, started side by side; neither is left running if the other fails to start. */
export async function startChildren(): Promise<Children> {
  const [host, screens] = await Promise.allSettled([
    ChildApi.start<ServerHostApi>(new URL('./processes/server-host.ts', import.meta.url)),
    ChildApi.start<ScreensApi>(new URL('./processes/screens.ts', import.meta.url)),
  ]);
  if (host.status === 'fulfilled' && screens.status === 'fulfilled') return { host: host.value, screens: screens.value };
  for (const child of [host, screens]) if (child.status === 'fulfilled') await child.value.stop();
  throw host.status === 'rejected' ? host.reason : (screens as PromiseRejectedResult).reason;
}

/** Connects the clients, runs the windows' loops paced then flat out, and matches each paced call with its last receipt. */
async function measure({ host, screens }: Children, url: string, hellos: ClientHello[], windows: readonly HallWindow[], durations: Durations, call: Call): Promise<Measured> {
  await screens.call('connect', url, hellos);
  const [serverBefore, clientsBefore, wallBefore] = [await host.call('cpuMs'), await screens.call('cpuMs'), monoMs()];
  const sentAt = await callPaced(windows, durations.warmUpMs, durations.pacedMs, call);
  const wall = monoMs() - wallBefore;
  const serverCpu = ((await host.call('cpuMs')) - serverBefore) / wall;
  const clientsCpu = ((await screens.call('cpuMs')) - clientsBefore) / wall;
  // The last calls may still be on their way to some clients.
  await sleep(500);
  const receipts = new Map((await screens.call('takeReceipts')).map((r) => [r.call, r]));
  const latenciesMs: number[] = [];
  for (const [key, sent] of sentAt) {
    const receipt = receipts.get(key);
    if (receipt?.clients === hellos.length) latenciesMs.push(receipt.lastMs - sent);
  }
  const flatOutPerSecond = await callFlatOut(windows, durations.flatOutMs, call);
  await screens.call('disconnect');
  return { clients: hellos.length, latenciesMs, lost: sentAt.size - latenciesMs.length, serverCpu, clientsCpu, flatOutPerSecond };
}

/** The demo hall with its staff signed in at every window and queues long enough for the run. */
async function measureHall(children: Children, durations: Durations): Promise<Measured> {
  const { windows, staff } = readDemoHall();
  const url = await children.host.call('startHall');
  const http = new JsonHttp(url);
  const credentials = await children.host.call('deviceCredentials');
  const kiosk = { authorization: `Bearer ${tokenOf(credentials, 'kiosk')}` };
  // Enough waiting tickets in each window's first category for the paced calls, the flat-out
  // ones at up to 3 calls a second per window, and one for every phone to follow.
  const callsPerWindow = (durations.warmUpMs + durations.pacedMs) / PERIOD_MS + (durations.flatOutMs / 1000) * 3;
  const tickets = Math.ceil(Math.max(callsPerWindow * windows.length, MIX.phones));
  const staffAt = staffEveryWindow({ windows, staff });
  // Issuing waits on the disk, signing in on scrypt: side by side they take half the time.
  const [replies, tokens] = await Promise.all([
    Promise.all(Array.from({ length: tickets }, (_, i) => http.post('/api/tickets', { category: windows[i % windows.length]!.categories[0] }, kiosk))),
    // One after another, as staff arrive: PIN checks run one at a time and refuse a crowd (PIN_CHECK_BUSY).
    (async () => {
      const signedIn = new Map<number, string>();
      for (const w of windows) signedIn.set(w.no, await login(url, staffAt.get(w.no)!, w.no));
      return signedIn;
    })(),
  ]);
  // The phones follow the tickets by their secrets, as from the QR codes.
  const issued = replies.map((r) => (r.body as IssueTicketReply).secret);

  const measured = await measure(children, url, clientsOf(windows, issued, credentials), windows, durations, async (window) => {
    const headers = { authorization: `Bearer ${tokens.get(window.no)}` };
    const called = await http.post(`/api/windows/${window.no}/call-next`, undefined, headers);
    if (called.status !== 200) return null;
    await http.post(`/api/windows/${window.no}/finish`, {}, headers);
    return callKey((called.body as WindowActionReply).ticket as { number: string; calledAt: string });
  });
  http.close();
  return measured;
}

/** The same clients and calls on socket.io alone. */
async function measureBare(children: Children, durations: Durations): Promise<Measured> {
  const { windows } = readDemoHall();
  const url = await children.host.call('startBare');
  const http = new JsonHttp(url);
  const followed = Array.from({ length: MIX.phones }, () => randomBytes(16).toString('base64url'));
  let seq = 0;
  const measured = await measure(children, url, clientsOf(windows, followed), windows, durations, async (window) => {
    const category = window.categories[0]!;
    const call: CallView = {
      number: `${category}${String(++seq % 1000).padStart(3, '0')}`,
      category,
      windowNo: window.no,
      windowName: window.name,
      calledAt: new Date().toISOString(),
      recall: false,
    };
    const reply = await http.post('/call', call);
    return reply.status === 200 ? callKey(call) : null;
  });
  http.close();
  return measured;
}

function describe(m: Measured): string {
  const p50 = formatNumber(percentile(m.latenciesMs, 50));
  const p99 = formatNumber(percentile(m.latenciesMs, 99));
  return `p50 ${p50} ms, p99 ${p99} ms, ${m.latenciesMs.length} calls, ${m.lost} lost; CPU: server ${Math.round(m.serverCpu * 100)}%, clients ${Math.round(m.clientsCpu * 100)}%`;
}

export const callToScreen: Benchmark = {
  name: 'call-to-screen',
  async run({ quick, progress }) {
    const durations: Durations = quick ? { warmUpMs: 300, pacedMs: 1000, flatOutMs: 500 } : { warmUpMs: 3000, pacedMs: 20_000, flatOutMs: 8000 };
    const children = await startChildren();
    try {
      const hall = await measureHall(children, durations);
      progress(`hall: ${describe(hall)}; flat out ${formatNumber(hall.flatOutPerSecond)} calls/s`);
      const bare = await measureBare(children, durations);
      progress(`bare socket.io: ${describe(bare)}; flat out ${formatNumber(bare.flatOutPerSecond)} calls/s`);
      const callsPerSecond = (readDemoHall().windows.length * 1000) / PERIOD_MS;
      const rows: Row[] = [
        {
          figure: `call to last of ${hall.clients} clients, p50`,
          value: percentile(hall.latenciesMs, 50),
          unit: 'ms',
          baseline: percentile(bare.latenciesMs, 50),
          targets: [{ on: 'ratio', op: '<=', limit: TARGET_RATIO }],
          note: `${formatNumber(callsPerSecond)} calls/s, each then finished; hall ${describe(hall)}`,
        },
        {
          figure: `call to last of ${hall.clients} clients, p99`,
          value: percentile(hall.latenciesMs, 99),
          unit: 'ms',
          baseline: percentile(bare.latenciesMs, 99),
          targets: [
            { on: 'value', op: '<=', limit: TARGET_P99_MS },
            { on: 'ratio', op: '<=', limit: TARGET_RATIO },
          ],
          note: `baseline: bare socket.io, ${describe(bare)}`,
        },
        {
          figure: 'calls with every window calling back to back',
          value: hall.flatOutPerSecond,
          unit: '/s',
          baseline: bare.flatOutPerSecond,
          note: 'each call then finished, to the same clients; baseline: bare socket.io, calls only',
        },
      ];
      return rows;
    } finally {
      await children.screens.stop();
      await children.host.stop();
    }
  },
};
