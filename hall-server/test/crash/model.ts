import type { PrintFault, SatisfactionLevel, StaffTicketView, TicketStatus, TicketView, WindowState, WindowView } from '@hall/shared';
import { LOOP_WINDOWS, type Tap } from './plan';

// What the crash loop's clients were told: every change the server acknowledged (a 2xx reply
// received), kept the way the clients know it. After a kill, a restart must show exactly this,
// plus the changes that were in flight when the power went and made it to disk whole.

export type WindowAction = 'call-next' | 'recall' | 'no-show' | 'transfer' | 'finish' | 'pause' | 'resume' | 'sign-in' | 'sign-out';

/** A change a client asked for. */
export type Change =
  | { kind: 'issue'; kiosk: string; tap: Tap }
  | { kind: 'window'; no: number; action: WindowAction; ticket: string | null; body?: Record<string, unknown> }
  | { kind: 'rate'; no: number; ticketId: string; level: SatisfactionLevel }
  | { kind: 'printer'; kiosk: string; fault: PrintFault | null }
  | { kind: 'help'; kiosk: string }
  | { kind: 'help-handled'; kiosk: string; id: string };

const WINDOW_EVENTS: Record<WindowAction, string> = {
  'call-next': 'ticket.called',
  recall: 'ticket.recalled',
  'no-show': 'ticket.no_show',
  transfer: 'ticket.transferred',
  finish: 'ticket.finished',
  pause: 'window.paused',
  resume: 'window.resumed',
  'sign-in': 'window.signed_in',
  'sign-out': 'window.signed_out',
};

/** The event a change leaves in the log, as the loop counts them: its type and whom it concerns. */
export function eventKey(change: Change): string {
  switch (change.kind) {
    case 'issue':
      return 'ticket.issued';
    case 'window':
      return `${WINDOW_EVENTS[change.action]}@${change.no}`;
    case 'rate':
      return `evaluation.rated#${change.ticketId}`;
    case 'printer':
      return `${change.fault === null ? 'device.recovered' : 'device.fault'}@${change.kiosk}`;
    case 'help':
      return `help.requested@${change.kiosk}`;
    case 'help-handled':
      return `help.handled#${change.id}`;
  }
}

/** What a change is called in the figures. */
export const changeName = (change: Change): string => (change.kind === 'window' ? change.action : change.kind);

export interface ModelTicket {
  serviceDate: string;
  number: string;
  id: string | null;
  secret: string | null;
  status: TicketStatus;
  windowNo: number | null;
  category: string;
  targetWindowNo: number | null;
  itemCode: string | null;
  /**
   * Where the ticket is in its life, to apply answers in the order the server decided them when
   * they arrive in another: a transfer starts a new leg (its time), and within a leg waiting (0)
   * comes before called (1) before done (2). An answer older than what is known changes nothing.
   */
  leg: number;
  phase: number;
}

export interface ModelWindow {
  no: number;
  /** The person the loop signs in there. */
  staffNo: string;
  /** Their session, once a sign-in was answered; null while they must sign in (again). */
  token: string | null;
  state: WindowState;
  pauseReason: string | null;
  pauseUntil: string | null;
  signedIn: string | null;
  /** The ticket in hand, by ticketKey. */
  current: string | null;
}

export const ticketKey = (serviceDate: string, number: string) => `${serviceDate}/${number}`;

const PHASE: Record<TicketStatus, number> = { waiting: 0, called: 1, finished: 2, no_show: 2, cancelled: 2, expired: 2 };

export class AckedHall {
  readonly tickets = new Map<string, ModelTicket>();
  readonly windows = new Map<number, ModelWindow>(
    LOOP_WINDOWS.map(({ no, staffNo }) => [no, { no, staffNo, token: null, state: 'closed', pauseReason: null, pauseUntil: null, signedIn: null, current: null }]),
  );
  /** Ratings given at the pads, by ticket id. */
  readonly ratings = new Map<string, SatisfactionLevel>();
  /** Open printer faults, by kiosk. */
  readonly faults = new Map<string, PrintFault>();
  /** Help requests by id: which kiosk, and whether a guide came. */
  readonly help = new Map<string, { kiosk: string; handled: boolean }>();
  /** Events acknowledged since the cycle began, by eventKey. */
  readonly cycleEvents = new Map<string, number>();

  /** A change was acknowledged: its event must be in the log. */
  acknowledged(change: Change): void {
    const key = eventKey(change);
    this.cycleEvents.set(key, (this.cycleEvents.get(key) ?? 0) + 1);
  }

  /** A ticket as an answer showed it, unless the model already knows a later state of it. */
  putTicket(view: TicketView | StaffTicketView, secret: string | null = null): ModelTicket {
    const key = ticketKey(view.serviceDate, view.number);
    const known = this.tickets.get(key);
    const leg = 'transfer' in view && view.transfer ? Date.parse(view.transfer.at) : 0;
    const phase = PHASE[view.status];
    const id = 'id' in view ? view.id : (known?.id ?? null);
    if (known && (known.leg > leg || (known.leg === leg && known.phase > phase))) {
      known.id ??= id;
      known.secret ??= secret;
      return known;
    }
    const ticket: ModelTicket = {
      serviceDate: view.serviceDate,
      number: view.number,
      id,
      secret: secret ?? known?.secret ?? null,
      status: view.status,
      windowNo: view.windowNo,
      category: view.category,
      targetWindowNo: view.targetWindowNo,
      itemCode: known?.itemCode ?? null,
      leg,
      phase,
    };
    this.tickets.set(key, ticket);
    return ticket;
  }

  /** A window as its own answer showed it (only its own staff change it, one request at a time). */
  putWindow(view: WindowView, current: string | null): void {
    const window = this.windows.get(view.no)!;
    Object.assign(window, { state: view.state, pauseReason: view.pauseReason, pauseUntil: view.pauseUntil, signedIn: view.staff?.staffNo ?? null, current });
  }

  window(no: number): ModelWindow {
    return this.windows.get(no)!;
  }

  openHelp(kiosk: string): string | null {
    return [...this.help].find(([, h]) => h.kiosk === kiosk && !h.handled)?.[0] ?? null;
  }
}
