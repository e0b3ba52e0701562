import Database from 'better-sqlite3';
import { CategoriesReply, DeviceFaultsReply, HealthReply, HelpRequestsReply, IssueTicketReply, WindowsReply } from '@hall/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnHallServer, type SpawnedServer } from '../support/spawned-server';
import { runCycle, tapAt, type Credentials } from './actors';
import { invariantProblems, readDisk } from './disk';
import { answeringAt, call } from './http';
import { AckedHall, changeName, type Change } from './model';
import { crashPlan, LOOP_WINDOWS, type Tap } from './plan';
import { reconcile } from './reconcile';
import { Screen, type HallPicture } from './screens';

// Issue 17: the power goes in the middle of everything, again and again. The BUILT server runs
// on one database while the hall's clients work it through the real API (see actors.ts), and is
// killed with SIGKILL at a seeded moment while requests are in flight, CYCLES times. After every
// restart: nothing acknowledged is lost, a change cut off is there whole or not at all, no number
// repeats or is skipped, no ticket is with two windows, every window is as its staff last heard,
// and the hall screen and a window screen, left connected across the kills, are current again by
// themselves within 2 s of the server answering. CRASH_SEED=<n> runs the plan of an earlier run.

const CYCLES = 20;
const SEED = process.env.CRASH_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.CRASH_SEED);
const CATCH_UP_MS = 2000;

const dir = mkdtempSync(join(tmpdir(), 'hall-crash-loop-'));
const dbPath = join(dir, 'hall.db');

/** A port of our own, the same across restarts, so the screens find the server again where they lost it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** The time zone in which it is about noon now: no turn of the service day or closing time during the loop, whenever it runs. */
function noonZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** The demo devices' credentials, as the demo hall enrolled them on its first start. */
function demoTokens(): Map<string, string> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db.prepare(`SELECT device_id AS id, demo_token AS token FROM device_credentials WHERE revoked_at IS NULL AND demo_token IS NOT NULL`).all() as { id: string; token: string }[];
    return new Map(rows.map((r) => [r.id, r.token]));
  } finally {
    db.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const tally = (into: Map<string, number>, from: Map<string, number>) => {
  for (const [key, n] of from) into.set(key, (into.get(key) ?? 0) + n);
};
const listed = (map: Map<string, number>) => [...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');

describe('kill -9 in the middle of every command', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws the same plan from the same seed', () => {
    expect(crashPlan(SEED, CYCLES)).toEqual(crashPlan(SEED, CYCLES));
    expect(crashPlan(SEED + 1, CYCLES)).not.toEqual(crashPlan(SEED, CYCLES));
  });

  it(`loses nothing acknowledged over ${CYCLES} kills, and every screen is current again within 2 s (seed ${SEED})`, async () => {
    const started = performance.now();
    console.log(`crash loop: seed ${SEED} (CRASH_SEED=${SEED} runs this plan again)`);
    const plan = crashPlan(SEED, CYCLES);
    const timezone = noonZone();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // A start takes about a second; a machine busy with other suites may take far longer.
    const start = () => spawnHallServer({ env: { HALL_DB: dbPath, HALL_PORT: String(port), HALL_TZ: timezone }, timeoutMs: 60_000 });

    let server: SpawnedServer = await start();
    const screens: Screen[] = [];
    try {
      const health = HealthReply.parse((await call(base, 'GET', '/api/health')).body);
      const tokens = demoTokens();
      const office = await call(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } });
      const credentials: Credentials = {
        kiosks: { 'kiosk-01': tokens.get('kiosk-01')!, 'kiosk-02': tokens.get('kiosk-02')! },
        pads: Object.fromEntries(LOOP_WINDOWS.map(({ no }) => [no, tokens.get(`pad-${String(no).padStart(2, '0')}`)!])),
        office: (office.body as { token: string }).token,
      };
      const categories = CategoriesReply.parse((await call(base, 'GET', '/api/categories')).body).categories;
      const items = Object.fromEntries(categories.map((c) => [c.code, c.items.map((i) => i.code)]));
      screens.push(new Screen('hall screen', base, { client: 'hall-screen', token: tokens.get('hall-screen-1')! }));
      screens.push(new Screen('window screen', base, { client: 'window-screen', windowNo: 1, token: tokens.get('window-screen-1')! }));

      const hall = new AckedHall();
      let lastEventId = readDisk(dbPath, 0).lastEventId;
      let retries: { kiosk: string; tap: Tap }[] = [];
      /** Tickets issued for taps the kill cut off, whose kiosk has not asked again yet. */
      const unreplayed = new Set<string>();
      const acked = new Map<string, number>();
      const refused = new Map<string, number>();
      const inFlight = new Map<string, number>();
      const landedByKind = new Map<string, number>();
      const figures = { inFlightAtKill: 0, answeredAfterKill: 0, replayed: 0 };
      const restartMs: number[] = [];
      const workMs: number[] = [];
      const catchUpMs: Record<string, number[]> = Object.fromEntries(screens.map((s) => [s.name, []]));

      /**
       * The kiosks' retries came back as the tickets the kill had cut off, and only those; all of
       * them, unless a retry was itself cut off (it is sent again after the next restart).
       */
      const checkReplays = (replayed: Set<string>, allAnswered: boolean, cycle: number) => {
        for (const key of replayed) {
          expect(unreplayed.has(key), `seed ${SEED} cycle ${cycle}: retried tap answered with ${key}`).toBe(true);
          unreplayed.delete(key);
        }
        if (allAnswered) expect([...unreplayed], `seed ${SEED} cycle ${cycle}: issued for a cut-off tap, not given back to its retry`).toEqual([]);
        figures.replayed += replayed.size;
      };

      for (let cycle = 0; cycle < CYCLES; cycle++) {
        hall.cycleEvents.clear();
        const since = lastEventId;
        const running = server;
        const cycleAt = performance.now();
        const run = await runCycle({ base, serviceDate: health.serviceDate, hall, plan: plan[cycle]!, credentials, items, retries, kill: () => void running.kill() }, timezone);
        await running.exited;
        workMs.push(performance.now() - cycleAt);
        expect(run.unexpected, `seed ${SEED} cycle ${cycle}`).toEqual([]);
        checkReplays(run.replayed, !run.cutOff.some((c) => c.kind === 'issue' && retries.some((r) => r.tap.key === c.tap.key)), cycle);
        tally(acked, run.acked);
        tally(refused, run.refused);
        figures.inFlightAtKill += run.inFlightAtKill;
        figures.answeredAfterKill += run.answeredAfterKill;

        // The power is back: the screens' pictures from here on are the new server's.
        const marks = screens.map((s) => s.mark());
        const spawnedAt = performance.now();
        const [restarted, answeredAt] = await Promise.all([start(), answeringAt(base, 60_000)]);
        server = restarted;
        restartMs.push(answeredAt - spawnedAt);

        const disk = readDisk(dbPath, since);
        lastEventId = disk.lastEventId;
        const result = reconcile(hall, disk, run.cutOff);
        expect([...invariantProblems(disk), ...result.problems], `seed ${SEED} cycle ${cycle}`).toEqual([]);
        for (const change of run.cutOff) inFlight.set(changeName(change), (inFlight.get(changeName(change)) ?? 0) + 1);
        for (const change of result.landed) landedByKind.set(changeName(change), (landedByKind.get(changeName(change)) ?? 0) + 1);

        // The server serves what its disk holds, as the clients were told it.
        const windows = WindowsReply.parse((await call(base, 'GET', '/api/windows')).body).windows;
        for (const w of hall.windows.values()) {
          const served = windows.find((v) => v.no === w.no)!;
          const current = w.current === null ? null : hall.tickets.get(w.current)!.number;
          expect({ state: served.state, pauseReason: served.pauseReason, pauseUntil: served.pauseUntil, servingNumber: served.servingNumber, staff: served.staff?.staffNo ?? null }, `seed ${SEED} cycle ${cycle} window ${w.no}`).toEqual({
            state: w.state,
            pauseReason: w.pauseReason,
            pauseUntil: w.pauseUntil,
            servingNumber: current,
            staff: w.signedIn,
          });
          // A session the staff were answered still works; one whose sign-out went through does not.
          if (w.token !== null) expect((await call(base, 'GET', '/api/auth/session', { token: w.token })).status, `window ${w.no}'s session`).toBe(200);
        }
        const waiting = CategoriesReply.parse((await call(base, 'GET', '/api/categories')).body).categories.map(({ code, waiting }) => ({ code, waiting }));
        for (const { code, waiting: n } of waiting) expect(n, `waiting in ${code}`).toBe([...hall.tickets.values()].filter((t) => t.status === 'waiting' && t.category === code).length);
        const faults = DeviceFaultsReply.parse((await call(base, 'GET', '/api/devices/faults', { token: credentials.kiosks['kiosk-01'] })).body).faults;
        expect(faults.map((f) => [f.deviceId, f.fault]).sort()).toEqual([...hall.faults].sort());
        const help = HelpRequestsReply.parse((await call(base, 'GET', '/api/help-requests', { token: credentials.kiosks['kiosk-01'] })).body).helpRequests;
        expect(help.map((h) => h.id).sort()).toEqual([...hall.help].filter(([, h]) => !h.handled).map(([id]) => id).sort());
        const faultHealth = HealthReply.parse((await call(base, 'GET', '/api/health')).body).faults;
        expect([faultHealth.openFaults, faultHealth.openHelpRequests]).toEqual([hall.faults.size, help.length]);

        // Every screen current again by itself: from the first answer of the server to a picture equal to the server's.
        const picture: HallPicture = { serviceDate: health.serviceDate, windows, categories: waiting, deviceFaults: faults, helpRequests: help, recentCalls: disk.recentCalls };
        for (const [i, screen] of screens.entries()) {
          const currentAt = await screen.currentAt(marks[i]!, picture);
          catchUpMs[screen.name]!.push(Math.max(0, currentAt - answeredAt));
        }
        const caughtUp = screens.map((screen) => `${screen.name} ${catchUpMs[screen.name]!.at(-1)!.toFixed(0)} ms`).join(', ');
        console.log(
          `cycle ${cycle + 1}: ${[...run.acked.values()].reduce((a, b) => a + b, 0)} acknowledged, ${run.inFlightAtKill} in flight at the kill, ${result.landed.length} of ${run.cutOff.length} cut off on disk; first answer ${restartMs.at(-1)!.toFixed(0)} ms after the start; current again: ${caughtUp}`,
        );

        // A kiosk that got no answer taps again with the same key (the kiosk page does so by itself).
        retries = run.cutOff.flatMap((c: Change) => (c.kind === 'issue' ? [{ kiosk: c.kiosk, tap: c.tap }] : []));
        for (const key of result.landedIssues) unreplayed.add(key);
      }

      // The last cycle's cut-off taps, sent again; then numbering goes on where it stopped.
      const replayed = new Set<string>();
      for (const { kiosk, tap } of retries) {
        const reply = await tapAt(base, credentials.kiosks[kiosk]!, tap);
        expect(reply.status).toBe(201);
        const { ticket, secret } = IssueTicketReply.parse(reply.body);
        if (reply.replayed) replayed.add(`${ticket.serviceDate}/${ticket.number}`);
        else hall.putTicket(ticket, secret);
      }
      checkReplays(replayed, true, CYCLES);
      const next = await tapAt(base, credentials.kiosks['kiosk-01']!, { category: 'A', priority: false, key: `kiosk-01-${SEED}-last` });
      const { ticket: last } = IssueTicketReply.parse(next.body);
      const issuedA = [...hall.tickets.values()].filter((t) => t.number.startsWith('A')).length;
      expect(last.number).toBe(`A${String(issuedA + 1).padStart(3, '0')}`);
      // Every acknowledged ticket, by the secret its kiosk printed (the phone page's look-up).
      const disk = readDisk(dbPath, lastEventId);
      for (const t of hall.tickets.values()) if (t.secret !== null) expect(disk.tickets.get(`${t.serviceDate}/${t.number}`)?.secret).toBe(t.secret);
      const first = [...hall.tickets.values()].find((t) => t.secret !== null)!;
      expect(((await call(base, 'GET', `/api/tickets/${first.secret}`)).body as { ticket: { number: string } }).ticket.number).toBe(first.number);

      const all = Object.values(catchUpMs).flat();
      const worst = Math.max(...all);
      console.log(
        [
          `crash loop figures (seed ${SEED}, ${CYCLES} kill -9 cycles, ${((performance.now() - started) / 1000).toFixed(1)} s, hall time zone ${timezone})`,
          `  acknowledged changes: ${listed(acked)} (${[...acked.values()].reduce((a, b) => a + b, 0)} in all)`,
          `  refused as expected: ${listed(refused) || 'none'}`,
          `  requests in flight at the kills: ${figures.inFlightAtKill} (answered all the same: ${figures.answeredAfterKill}); cut off: ${listed(inFlight)}`,
          `  of those cut off, on disk after the restart: ${listed(landedByKind) || 'none'}; taps retried and found issued: ${figures.replayed}`,
          `  tickets ${hall.tickets.size}, ratings ${hall.ratings.size}`,
          `  each cycle's work until the kill (ms): median ${median(workMs).toFixed(0)}, worst ${Math.max(...workMs).toFixed(0)}`,
          `  restart to first answer (ms): median ${median(restartMs).toFixed(0)}, worst ${Math.max(...restartMs).toFixed(0)}`,
          ...Object.entries(catchUpMs).map(([name, ms]) => `  ${name} current again after the first answer (ms): median ${median(ms).toFixed(0)}, worst ${Math.max(...ms).toFixed(0)}`),
        ].join('\n'),
      );
      expect(worst, `seed ${SEED}: the slowest screen's catch-up`).toBeLessThanOrEqual(CATCH_UP_MS);
      // The loop did what it is for: kills with requests in flight, every kind of change acknowledged.
      expect(figures.inFlightAtKill).toBeGreaterThanOrEqual(CYCLES);
      for (const kind of ['issue', 'call-next', 'recall', 'transfer', 'finish', 'pause', 'resume', 'rate']) expect(acked.get(kind) ?? 0, kind).toBeGreaterThan(0);
      expect((acked.get('printer') ?? 0) + (acked.get('help') ?? 0), 'faults and help requests').toBeGreaterThan(0);
    } finally {
      for (const screen of screens) screen.close();
      await server.stop();
    }
    // Under two minutes on a 2-core machine, however busy with other suites within reason (see
    // docs/OPERATIONS.md); the limit leaves room for one far busier, where each start is slower.
  }, 420_000);
});
