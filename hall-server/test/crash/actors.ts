import { HelpRequestReply, IssueTicketReply, LoginReply, WindowActionReply, type PoorRatingReason } from '@hall/shared';
import { call, type Reply } from './http';
import { AckedHall, changeName, ticketKey, type Change, type WindowAction } from './model';
import { LOOP_CATEGORIES, LOOP_KIOSKS, LOOP_WINDOWS, type CyclePlan, type Tap, type VisitorRating, type WindowStep } from './plan';

// One cycle of the crash loop: the hall's clients at work on the real HTTP API with the
// credentials the product uses, all at once, until the power goes. Kiosks tap (with their
// request keys), staff at six windows call, recall, 过号, transfer, finish with a 事项, pause
// and resume, sign out and in; the pads rate what was finished; now and then a printer fails
// or mends and a visitor asks for a guide, whom the duty captain sends. Every 2xx answer
// goes into the model; the kill comes on the plan's count of them, while others are in flight.

export interface Credentials {
  kiosks: Record<string, string>;
  pads: Record<number, string>;
  /** The duty captain's office session, who marks help requests handled. */
  office: string;
}

export interface CycleContext {
  base: string;
  serviceDate: string;
  hall: AckedHall;
  plan: CyclePlan;
  credentials: Credentials;
  /** The service items (事项) of each category, as the window picks one at 办结. */
  items: Record<string, string[]>;
  /** Taps whose answer the last kill cut off: each kiosk sends them again first, with the same key. */
  retries: { kiosk: string; tap: Tap }[];
  /** Cuts the power (SIGKILL). */
  kill(): void;
}

export interface CycleRun {
  /** 2xx answers by change. */
  acked: Map<string, number>;
  /** Refusals by code (only QUEUE_EMPTY is expected: the model knows every other precondition). */
  refused: Map<string, number>;
  /** Answers nothing in the hall explains: a 5xx, a 429, a refusal the model did not expect. */
  unexpected: string[];
  /** Requests outstanding when the kill came, and of them those answered all the same. */
  inFlightAtKill: number;
  answeredAfterKill: number;
  /** The changes asked for that never got an answer: each may or may not be on disk. */
  cutOff: Change[];
  /** Tickets the kiosks' retries got back as already issued (Idempotent-Replayed), by key. */
  replayed: Set<string>;
}

const REASONS: readonly PoorRatingReason[] = ['slow', 'attitude', 'unfamiliar', 'repeated_trips'];
const PAUSE_REASONS = ['午休', '临时外出', '系统维护', '业务培训'];

/** The hall's clock time an hour and a half from now, as a window says when it reopens. */
function reopenAt(timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now() + 90 * 60_000);
}

/** 取号 as the kiosk page sends it: the tap's own request key, the same on every retry. */
export const tapAt = (base: string, token: string, t: Tap): Promise<Reply> =>
  call(base, 'POST', '/api/tickets', { token, body: t.priority ? { category: t.category, priority: true } : { category: t.category }, headers: { 'idempotency-key': t.key } });

export async function runCycle(ctx: CycleContext, timezone: string): Promise<CycleRun> {
  const { base, hall, plan, credentials } = ctx;
  const run: CycleRun = { acked: new Map(), refused: new Map(), unexpected: [], inFlightAtKill: 0, answeredAfterKill: 0, cutOff: [], replayed: new Set() };
  let acks = 0;
  let killed = false;
  const outstanding = new Set<Change>();
  const atKill = new Set<Change>();
  // Actors waiting for something to happen (a ticket to call, the moment to speak up): told on every answer and at the end.
  let waiters: (() => void)[] = [];
  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  let kiosksDone = false;

  const cut = () => {
    if (killed) return;
    killed = true;
    run.inFlightAtKill = outstanding.size;
    for (const change of outstanding) atKill.add(change);
    ctx.kill();
    wake();
  };

  /** Sends one change; answers the reply, or null when the kill cut it off (or came first). */
  async function send(change: Change, request: () => Promise<Reply>): Promise<Reply | null> {
    if (killed) return null;
    outstanding.add(change);
    let reply: Reply;
    try {
      reply = await request();
    } catch (error) {
      outstanding.delete(change);
      if (!killed) run.unexpected.push(`${changeName(change)}: no answer before any kill (${(error as Error).message})`);
      else run.cutOff.push(change);
      return null;
    }
    outstanding.delete(change);
    if (atKill.has(change)) run.answeredAfterKill++;
    if (reply.status >= 200 && reply.status < 300) {
      const name = changeName(change) + (reply.replayed ? ' (replayed)' : '');
      run.acked.set(name, (run.acked.get(name) ?? 0) + 1);
      if (!reply.replayed) hall.acknowledged(change);
      acks++;
    } else {
      const code = (reply.body as { error?: { code?: string } } | null)?.error?.code ?? String(reply.status);
      run.refused.set(code, (run.refused.get(code) ?? 0) + 1);
      if (code !== 'QUEUE_EMPTY') run.unexpected.push(`${changeName(change)}: ${reply.status} ${code}`);
    }
    return reply;
  }
  /** After the model took the answer in: the kill comes on the plan's count, and waiting actors look again. */
  const settled = () => {
    if (acks >= plan.killAfter) cut();
    wake();
  };

  async function tap(kiosk: string, t: Tap): Promise<void> {
    const change: Change = { kind: 'issue', kiosk, tap: t };
    const reply = await send(change, () => tapAt(base, credentials.kiosks[kiosk]!, t));
    if (reply?.status === 201) {
      const issued = IssueTicketReply.parse(reply.body);
      hall.putTicket(issued.ticket, issued.secret);
      if (reply.replayed) run.replayed.add(ticketKey(issued.ticket.serviceDate, issued.ticket.number));
    }
    settled();
  }

  async function kiosk(id: string): Promise<void> {
    for (const retry of ctx.retries.filter((r) => r.kiosk === id)) await tap(id, retry.tap);
    for (const t of plan.taps[id] ?? []) {
      if (killed) return;
      await tap(id, t);
    }
  }

  async function windowActor(no: number, steps: readonly WindowStep[], ratings: readonly VisitorRating[]): Promise<void> {
    const w = hall.window(no);
    const ratingsLeft = [...ratings];
    // The visitor rating at the pad while the staff call the next: the next 办结 waits for it.
    let padRating: Promise<void> = Promise.resolve();

    const act = async (action: WindowAction, body?: Record<string, unknown>): Promise<Reply | null> => {
      const change: Change = { kind: 'window', no, action, ticket: w.current, ...(body ? { body } : {}) };
      const reply = await send(change, () => call(base, 'POST', `/api/windows/${no}/${action}`, { token: w.token, ...(body ? { body } : {}) }));
      if (reply?.status === 200) {
        const { window, ticket } = WindowActionReply.parse(reply.body);
        const model = ticket ? hall.putTicket(ticket) : null;
        if (action === 'finish' && model) model.itemCode = (body?.itemCode as string | undefined) ?? null;
        hall.putWindow(window, window.servingNumber === null ? null : ticketKey(ctx.serviceDate, window.servingNumber));
        if (action === 'finish' && ticket) padRating = rate(no, ticket.id, ratingsLeft.shift() ?? null);
      }
      settled();
      return reply;
    };

    const signIn = async () => {
      const reply = await send({ kind: 'window', no, action: 'sign-in', ticket: w.current }, () =>
        call(base, 'POST', '/api/auth/login', { body: { staffNo: w.staffNo, pin: '123456', windowNo: no } }),
      );
      if (reply?.status === 200) {
        const login = LoginReply.parse(reply.body);
        w.token = login.token;
        hall.putWindow(login.window, w.current);
      }
      settled();
    };

    const signOut = async () => {
      const reply = await send({ kind: 'window', no, action: 'sign-out', ticket: null }, () => call(base, 'POST', '/api/auth/logout', { token: w.token }));
      if (reply?.status === 204) Object.assign(w, { token: null, state: 'closed', signedIn: null, pauseReason: null, pauseUntil: null });
      settled();
    };

    for (const { intent, draw } of steps) {
      if (killed) break;
      if (w.token === null) {
        await signIn();
        continue;
      }
      if (w.state === 'paused') {
        await act('resume');
        continue;
      }
      if (w.current === null) {
        if (intent === 'pause') {
          const reason = PAUSE_REASONS[Math.floor(draw * PAUSE_REASONS.length)]!;
          await act('pause', draw < 0.5 ? { reason, until: reopenAt(timezone) } : { reason });
        } else if (intent === 'sign-out') {
          await signOut();
        } else {
          const reply = await act('call-next');
          // Nobody waiting: wait for a kiosk (or the end of the cycle's taps) rather than asking again at once.
          if (reply?.status !== 200 && !kiosksDone && !killed) await changed();
        }
        continue;
      }
      const ticket = hall.tickets.get(w.current)!;
      if (intent === 'recall') await act('recall');
      else if (intent === 'no-show') await act('no-show');
      else if (intent === 'transfer') {
        const categories = LOOP_CATEGORIES.filter((c) => c !== ticket.category);
        const windows = LOOP_WINDOWS.map((lw) => lw.no).filter((n) => n !== no);
        const targets = [...categories.map((c) => ({ toCategory: c })), ...windows.map((n) => ({ toWindow: n }))];
        await act('transfer', { ...targets[Math.floor(draw * targets.length)]!, note: `转 ${draw.toFixed(2)}` });
      } else {
        await padRating;
        const items = ctx.items[ticket.category] ?? [];
        const item = draw < 0.8 && items.length > 0 ? items[Math.floor((draw / 0.8) * items.length)] : undefined;
        await act('finish', { ...(item ? { itemCode: item } : {}), ...(draw > 0.6 ? { caseNo: `BJ${Math.round(draw * 1e6)}` } : {}) });
      }
    }
    await padRating;
  }

  async function rate(no: number, ticketId: string, rating: VisitorRating): Promise<void> {
    if (rating === null) return;
    const poor = rating.level === 'dissatisfied' || rating.level === 'very_dissatisfied';
    const body = poor ? { ticketId, level: rating.level, reasons: [REASONS[no % REASONS.length]!], callbackPhone: '13800138000' } : { ticketId, level: rating.level };
    const reply = await send({ kind: 'rate', no, ticketId, level: rating.level }, () => call(base, 'POST', '/api/evaluations', { token: credentials.pads[no], body }));
    if (reply?.status === 201) hall.ratings.set(ticketId, rating.level);
    settled();
  }

  async function device(): Promise<void> {
    const step = plan.device;
    if (step === null) return;
    while (acks < step.afterAcks && !killed && !kiosksDone) await changed();
    const { kiosk: id } = step;
    if (step.what === 'printer') {
      const fault = hall.faults.has(id) ? null : step.fault;
      const reply = await send({ kind: 'printer', kiosk: id, fault }, () =>
        call(base, 'PUT', `/api/devices/${id}/status`, { token: credentials.kiosks[id], body: { part: 'printer', fault } }),
      );
      if (reply?.status === 200) {
        if (fault === null) hall.faults.delete(id);
        else hall.faults.set(id, fault);
      }
    } else {
      const open = hall.openHelp(id);
      if (open === null) {
        const reply = await send({ kind: 'help', kiosk: id }, () => call(base, 'POST', '/api/help-requests', { token: credentials.kiosks[id], body: { deviceId: id } }));
        if (reply?.status === 201) hall.help.set(HelpRequestReply.parse(reply.body).helpRequest.id, { kiosk: id, handled: false });
      } else {
        const reply = await send({ kind: 'help-handled', kiosk: id, id: open }, () => call(base, 'POST', `/api/help-requests/${open}/handled`, { token: credentials.office }));
        if (reply?.status === 200) hall.help.set(open, { kiosk: id, handled: true });
      }
    }
    settled();
  }

  const kiosks = Promise.all(LOOP_KIOSKS.map(kiosk)).then(() => {
    kiosksDone = true;
    wake();
  });
  const windows = LOOP_WINDOWS.map(({ no }) => windowActor(no, plan.windows[no]!, plan.ratings[no]!));
  await Promise.all([kiosks, device(), ...windows]);
  // Every plan ran out before the count: the power goes on a quiet hall.
  cut();
  return run;
}
