import type { ClientToServerEvents, HallSnapshot, ServerToClientEvents } from '@hall/shared';
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { Server } from 'socket.io';
import type { HallState, Ticket } from '../domain';
import type { Hall } from '../runtime/hall';
import type { HallChange } from '../runtime/hall-runtime';
import type { DeviceSightings } from '../devices/device-sightings';
import type { PrincipalSources } from '../http/principal';
import { evaluationRecorded, evaluationRequest } from '../services/evaluation-views';
import { allowHandshake, MAX_SOCKET_MESSAGE_BYTES, type HandshakeRules } from './handshake';
import { aheadOf, deviceFaultChange, helpRequestView, ticketProgress, waitingCounts, windowView } from '../services/views';
import { admitSocket, SocketRefusal, stillAdmitted, type Admitted } from './socket-access';

// Screens, kiosks, pads, consoles and phone pages listen here. Each gets the full state first
// (on every connect and reconnect: recovery is lost when the server restarts), then changes.
// A phone page follows one ticket: it hears of that ticket, of every call and of a window
// opening, pausing or closing (which windows serve its ticket now), not of the windows' every
// call, queues, the duty roster, the notice or devices. Phones are most of a hall's listeners,
// on visitors' mobile data; the rest of the hall's changes go to the other clients only.
// Every client but a phone holds a credential (socket-access.ts): a window's evaluations reach
// its pad and console only, the office's news office sessions only.

type SocketData = Admitted & {
  /** A phone page's ticket, found by the secret it said (null: none, or a secret that names none). */
  ticketId: string | null;
};

export type HallIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const ticketRoom = (id: string) => `ticket:${id}`;
const windowRoom = (no: number) => `window:${no}`;
/** The duty captain's and administrators' pages. */
const OFFICE_ROOM = 'office';
/** Every client but phone pages: the hall's own devices and staff. */
const HALL_ROOM = 'hall';
/** Phone pages. */
const PHONE_ROOM = 'phones';

export interface Realtime {
  io: HallIo;
  /** Tells the screens when a guide's shift begins or ends; called every half minute. */
  refreshDuty(): void;
  /** Closes the sockets whose session ended or went idle meanwhile; called every half minute. */
  recheckCredentials(): void;
}

export function attachRealtime(httpServer: HttpServer | HttpsServer, hall: Hall, sources: PrincipalSources, sightings: DeviceSightings, handshake: HandshakeRules): Realtime {
  const io: HallIo = new Server(httpServer, {
    serveClient: false,
    // A recovered socket passes the handshake's checks again: a session ended meanwhile is refused.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    allowRequest: allowHandshake(handshake),
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
  });

  io.use((socket, next) => {
    try {
      const admitted = admitSocket(socket, sources);
      const { hello } = admitted;
      socket.data = { ...admitted, ticketId: hello.client === 'phone' && hello.ticket !== undefined ? followedTicketId(hall, hello.ticket) : null };
      next();
    } catch (error) {
      next(error instanceof SocketRefusal ? error : new SocketRefusal('INTERNAL_ERROR'));
    }
  });

  io.on('connection', (socket) => {
    const { hello, principal, ticketId } = socket.data;
    // A window's room hears its pad's questions (ticket ids, 办件编号): its pad and console only, never its screen.
    if (hello.windowNo !== undefined && (hello.client === 'pad' || hello.client === 'console')) socket.join(windowRoom(hello.windowNo));
    if (ticketId !== null) socket.join(ticketRoom(ticketId));
    if (hello.client === 'admin') socket.join(OFFICE_ROOM);
    socket.join(hello.client === 'phone' ? PHONE_ROOM : HALL_ROOM);
    if (principal.kind === 'device') {
      const { device } = principal;
      sightings.connected(device.id, device.kind, device.windowNo);
      // The office's live view watches the devices' lines (issue 16, H3).
      const presence = (online: boolean) => io.to(OFFICE_ROOM).emit('device:presence', { deviceId: device.id, online });
      presence(true);
      socket.on('disconnect', () => {
        sightings.disconnected(device.id);
        presence((sightings.get(device.id)?.connections ?? 0) > 0);
      });
    }
    // The snapshot is taken once what it shows is on disk, in order with the changes published.
    hall.afterDurable(() => io.to(socket.id).emit('hall:snapshot', hall.snapshot(hello, ticketId)));
  });

  let lastDuty = JSON.stringify(hall.duty());
  const refreshDuty = () => {
    const duty = hall.duty();
    if (JSON.stringify(duty) === lastDuty) return;
    lastDuty = JSON.stringify(duty);
    io.to(HALL_ROOM).emit('duty:changed', { duty });
  };
  const toPhones = phoneUpdates(io, hall);
  hall.onChange((change) => publish(io, hall, change, refreshDuty, toPhones));
  // In the turn the credential ended: nothing published after it reaches the socket.
  const recheckCredentials = () => {
    for (const socket of io.sockets.sockets.values()) {
      if (!stillAdmitted(socket, socket.data, sources)) socket.disconnect(true);
    }
  };
  hall.onCredentialsEnded(recheckCredentials);
  // Storage faults (issue 17, H2): every screen hears at once that the disk stopped or started taking writes.
  hall.onStorageChanged((status) => io.emit('storage:changed', status));
  return { io, refreshDuty, recheckCredentials };
}

/** Time a turn of the event loop may spend on phones' updates before other work goes first. */
const PHONE_SLICE_MS = 4;

/** A phone page's ticket changed; or, after a set-up change, its fresh snapshot is due (with its ticket). */
interface PhoneUpdates {
  tickets(state: HallState, tickets: Ticket[]): void;
  snapshots(state: HallState, ticketIds: string[]): void;
}

/**
 * Phones' ticket updates go out a few milliseconds' worth at a time, between other work: each
 * carries an estimate (the queue played forward: up to a few milliseconds), and one call can
 * move dozens of followed tickets. Each goes out once, from the hall as it stands when sent. A
 * snapshot due to a ticket's phones (the phones' one, made once a slice, with that ticket's
 * progress) stands for a ticket update too.
 */
function phoneUpdates(io: HallIo, hall: Hall): PhoneUpdates {
  let latest: HallState | null = null;
  /** By id, the ticket as last changed (the one sent if it has left the day's book since), and the snapshot due, if any. */
  const due = new Map<string, { known: Ticket | undefined; snapshot: boolean }>();
  let scheduled = false;
  const drain = () => {
    const started = performance.now();
    let phones: HallSnapshot | null = null;
    for (const [id, { known, snapshot }] of due) {
      due.delete(id);
      const ticket = latest!.tickets.get(id) ?? known;
      if (snapshot) {
        phones ??= hall.snapshot({ client: 'phone' });
        io.to(ticketRoom(id)).emit('hall:snapshot', { ...phones, ticket: followedTicket(hall, id) });
      } else if (ticket) {
        io.to(ticketRoom(id)).emit('ticket:changed', ticketProgress(latest!, ticket, hall.now()));
      }
      if (performance.now() - started > PHONE_SLICE_MS) break;
    }
    scheduled = due.size > 0;
    if (scheduled) setImmediate(drain);
  };
  const schedule = (state: HallState) => {
    latest = state;
    if (scheduled || due.size === 0) return;
    scheduled = true;
    setImmediate(drain);
  };
  return {
    tickets(state, tickets) {
      for (const ticket of tickets) due.set(ticket.id, { known: ticket, snapshot: due.get(ticket.id)?.snapshot ?? false });
      schedule(state);
    },
    snapshots(state, ticketIds) {
      for (const id of ticketIds) due.set(id, { known: due.get(id)?.known, snapshot: true });
      schedule(state);
    },
  };
}

/**
 * A set-up change reaches every client at once: a fresh snapshot (its setupVersion tells pages
 * to fetch the categories again), and the windows whose set-up changed, for their consoles. One
 * snapshot serves every screen and kiosk; a pad or console gets its window's own (the question
 * on its pad), one per window; a phone following a ticket gets the phones' one with its ticket,
 * through the phones' slices: hundreds of them must not hold up the hall in one go.
 */
function setupChanged(io: HallIo, hall: Hall, outcome: HallChange['outcome'], state: HallState, toPhones: PhoneUpdates): void {
  const shared = { hall: hall.snapshot(null), phone: hall.snapshot({ client: 'phone' }) };
  const ofWindow = new Map<string, HallSnapshot>();
  const followed = new Set<string>();
  for (const socket of io.sockets.sockets.values()) {
    const { hello, ticketId } = socket.data;
    if (ticketId !== null) {
      followed.add(ticketId);
    } else if (hello.windowNo !== undefined && (hello.client === 'pad' || hello.client === 'console')) {
      const key = `${hello.client}:${hello.windowNo}`;
      if (!ofWindow.has(key)) ofWindow.set(key, hall.snapshot(hello));
      socket.emit('hall:snapshot', ofWindow.get(key)!);
    } else {
      socket.emit('hall:snapshot', hello.client === 'phone' ? shared.phone : shared.hall);
    }
  }
  toPhones.snapshots(state, [...followed]);
  const statusWritten = new Set(outcome.windows.map((w) => w.no));
  for (const event of outcome.events) {
    if (event.type !== 'setup.changed' || event.part !== 'window' || event.change === 'removed') continue;
    const no = Number(event.key);
    // A window whose state changed too is told below, with the others.
    if (!statusWritten.has(no)) io.to(HALL_ROOM).emit('window:changed', { window: windowView(state, no) });
  }
}

function publish(
  io: HallIo,
  hall: Hall,
  { outcome, before, state, calls }: HallChange,
  refreshDuty: () => void,
  toPhones: PhoneUpdates,
): void {
  for (const event of outcome.events) {
    switch (event.type) {
      case 'day.opened':
        io.to(HALL_ROOM).emit('hall:snapshot', hall.snapshot(null));
        io.to(PHONE_ROOM).emit('hall:snapshot', hall.snapshot({ client: 'phone' }));
        break;
      case 'device.fault':
      case 'device.recovered':
        io.to(HALL_ROOM).emit('device:fault', deviceFaultChange(state, event));
        break;
      case 'help.requested':
      case 'help.handled': {
        const request = state.helpRequests.get(event.helpRequestId);
        if (request) io.to(HALL_ROOM).emit('help:changed', { helpRequest: helpRequestView(state, request) });
        break;
      }
      case 'roster.changed':
        refreshDuty();
        break;
      case 'notice.changed':
        io.to(HALL_ROOM).emit('notice:changed', { notice: event.text });
        break;
      case 'evaluation.requested':
      case 'evaluation.rated':
      case 'evaluation.unrated': {
        const evaluation = outcome.evaluations.find((e) => e.ticketId === event.ticketId);
        if (!evaluation) break;
        if (event.type === 'evaluation.requested') {
          io.to(windowRoom(event.windowNo)).emit('evaluation:requested', evaluationRequest(state, evaluation, event.at));
        } else {
          // The office's figures move with every rating, too.
          io.to([windowRoom(event.windowNo), OFFICE_ROOM]).emit('evaluation:recorded', evaluationRecorded(evaluation));
        }
        break;
      }
      case 'follow_up.opened':
      case 'follow_up.called_back':
      case 'follow_up.fixed': {
        const followUp = outcome.followUps.find((f) => f.id === event.followUpId);
        if (!followUp) break;
        io.to(OFFICE_ROOM).emit(event.type === 'follow_up.opened' ? 'follow-up:opened' : 'follow-up:changed', { followUp: hall.followUpView(followUp) });
        break;
      }
    }
  }
  if (outcome.events.some((e) => e.type === 'setup.changed')) setupChanged(io, hall, outcome, state, toPhones);
  for (const call of calls) io.emit('ticket:called', call);
  // The windows that opened, paused or closed, and the categories they serve.
  const movedWindows = new Set<number>();
  const movedCategories = new Set<string>();
  for (const window of outcome.windows) {
    // A window signed out as it was removed: the set-up change's fresh snapshot lists the windows left.
    if (!inHall(state, window.no)) continue;
    const view = windowView(state, window.no);
    io.to(HALL_ROOM).emit('window:changed', { window: view });
    // A window new to the hall is news to the phones too.
    if (inHall(before, window.no) && windowView(before, window.no).state === view.state) continue;
    io.to(PHONE_ROOM).emit('window:changed', { window: view });
    movedWindows.add(view.no);
    for (const category of view.categories) movedCategories.add(category);
  }
  if (outcome.tickets.length === 0 && movedWindows.size === 0) return;

  // A finish, a recall or a no-show leaves the queues as they were: every screen is spared a frame.
  const categories = waitingCounts(state);
  const wereWaiting = waitingCounts(before);
  if (categories.some((c, i) => c.waiting !== wereWaiting[i]?.waiting)) io.to(HALL_ROOM).emit('queue:changed', { categories });
  // Phone pages follow one ticket each: they hear when it changes, when its place in the queue
  // moves (a call elsewhere in the hall leaves it where it was), or when a window opening,
  // pausing or closing moves its estimate.
  const changed = new Map(outcome.tickets.map((t) => [t.id, t]));
  const moved: Ticket[] = [];
  for (const room of io.sockets.adapter.rooms.keys()) {
    if (!room.startsWith('ticket:')) continue;
    const id = room.slice('ticket:'.length);
    const ticket = state.tickets.get(id) ?? changed.get(id);
    if (!ticket) continue;
    const was = before.tickets.get(id);
    const servedByMoved = movedCategories.has(ticket.category) || (ticket.targetWindowNo !== null && movedWindows.has(ticket.targetWindowNo));
    if (!servedByMoved && !changed.has(id) && was !== undefined && aheadOf(before, was) === aheadOf(state, ticket)) continue;
    moved.push(ticket);
  }
  toPhones.tickets(state, moved);
}

/** A followed ticket's progress, of today or an earlier day, as a (re)connecting phone's snapshot has it; null if unknown. */
function followedTicket(hall: Hall, id: string): HallSnapshot['ticket'] {
  try {
    return hall.ticketProgress(id);
  } catch {
    return null;
  }
}

/** The ticket a phone's secret names, if any: a secret that names none follows nothing (and is told nothing). */
function followedTicketId(hall: Hall, secret: string): string | null {
  try {
    return hall.ticketIdBySecret(secret);
  } catch {
    return null;
  }
}

function inHall(state: HallState, no: number): boolean {
  return state.windows.has(no) && state.setup.windows.some((w) => w.no === no);
}
