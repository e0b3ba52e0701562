import type { CategoryView, ClientHello, DeviceFault, EnrolledDevice, HallSnapshot, HelpRequestView, SignedInStaff, StaffTicketView, TicketProgress, TicketView, WindowSummaryReply, WindowView } from '@hall/shared';
import * as domain from '../domain';
import { DomainError, type Ticket } from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import { categoryViews, deviceFaultViews, helpRequestView, signedInStaff, staffTicketView, ticketProgress, ticketView, windowView, windowViews } from '../services/views';
import { dutyNow } from './duty';
import { pendingEvaluation } from './evaluations';

// How the hall looks to its screens, consoles and phones: views of the runtime's state.

function helpRequests(rt: HallRuntime): HelpRequestView[] {
  return domain.openHelpRequests(rt.state).map((h) => helpRequestView(rt.state, h));
}

/** The service day being numbered, or today's date before the first ticket ever. */
function serviceDateNow(rt: HallRuntime): string {
  return rt.state.serviceDate ?? rt.today();
}

function windowOf(rt: HallRuntime, no: number): WindowView {
  domain.windowStatus(rt.state, no);
  return windowView(rt.state, no);
}

export const readModels = (rt: HallRuntime) => ({
  hallName: (): string => rt.state.setup.settings.name,
  serviceDate: (): string | null => rt.state.serviceDate,
  serviceDateNow: (): string => serviceDateNow(rt),
  uptimeMs: (): number => rt.now() - rt.startedAt,
  now: (): number => rt.now(),
  /** The hall's local date now. */
  today: (): string => rt.today(),
  categories: (): CategoryView[] => categoryViews(rt.state),
  windows: (): WindowView[] => windowViews(rt.state),
  staff: (staffNo: string): SignedInStaff => signedInStaff(rt.state, staffNo),
  window: (no: number): WindowView => windowOf(rt, no),
  deviceFaults: (): DeviceFault[] => deviceFaultViews(rt.state),
  /** The devices holding a live credential. */
  enrolledDevices: (): EnrolledDevice[] => [...rt.state.devices.values()],
  helpRequests: (): HelpRequestView[] => helpRequests(rt),
  ticketView: (ticket: Ticket): TicketView => ticketView(rt.state, ticket),
  /** A ticket with its transfer origin and note, for the window staff only. */
  staffTicketView: (ticket: Ticket): StaffTicketView => staffTicketView(rt.state, ticket),

  /** A window's console: the ticket in hand, who is waiting for it, its day so far. */
  windowSummary(no: number): WindowSummaryReply {
    const window = windowOf(rt, no);
    const { state } = rt;
    const day = domain.windowDay(state, no, rt.now());
    const servingId = domain.windowStatus(state, no).currentTicketId;
    const current = servingId === null ? undefined : state.tickets.get(servingId);
    return {
      window,
      current: current ? staffTicketView(state, current) : null,
      queue: day.queue.map((t) => staffTicketView(state, t)),
      noShows: day.noShows.map((t) => staffTicketView(state, t)),
      waiting: day.waiting,
      sentHere: day.sentHere,
      servedToday: day.servedToday,
      averageHandlingMinutes: day.averageHandlingMs === null ? null : Math.round(day.averageHandlingMs / 6_000) / 10,
    };
  },

  /**
   * The id of the ticket a visitor's secret names, of today or any earlier day; TICKET_NOT_FOUND,
   * with nothing more, for a secret that names none.
   */
  ticketIdBySecret(secret: string): string {
    const stored = rt.stores.hall.ticketBySecret(secret);
    if (!stored) throw new DomainError('TICKET_NOT_FOUND');
    return stored.id;
  },

  /** A ticket of today or any earlier day, by its id (the hub's phones, which it found by secret). */
  ticketProgress(id: string): TicketProgress {
    const ticket = rt.state.tickets.get(id) ?? rt.stores.hall.ticket(id);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
    return ticketProgress(rt.state, ticket, rt.now());
  },

  /**
   * The whole hall for a (re)connecting client; null: for every screen in the hall. A phone page
   * gets `ticketId`, the ticket its secret named, found by the hub.
   */
  snapshot(hello: ClientHello | null, ticketId: string | null = null): HallSnapshot {
    const { state } = rt;
    const { settings } = state.setup;
    // Phones are anyone's: the kiosks' device ids and who handled which help request stay in the hall.
    const inHall = hello?.client !== 'phone';
    let ticket: HallSnapshot['ticket'] = null;
    if (ticketId !== null) {
      const found = state.tickets.get(ticketId) ?? rt.stores.hall.ticket(ticketId);
      if (found) ticket = ticketProgress(state, found, rt.now());
    }
    return {
      hall: settings.name,
      timezone: settings.timezone,
      openingHours: settings.openingHours,
      serviceDate: serviceDateNow(rt),
      categories: categoryViews(state).map(({ code, waiting }) => ({ code, waiting })),
      windows: windowViews(state),
      recentCalls: rt.recentCalls,
      ticket,
      deviceFaults: deviceFaultViews(state),
      duty: dutyNow(rt),
      notice: state.notice,
      evaluation: hello?.windowNo !== undefined && (hello.client === 'pad' || hello.client === 'console') ? pendingEvaluation(rt, hello.windowNo) : null,
      supervisionPhone: settings.supervisionPhone ?? null,
      at: new Date(rt.now()).toISOString(),
      unattendedTickets: settings.unattendedTickets,
      kiosks: inHall ? [...(state.setup.kiosks ?? [])] : [],
      helpRequests: inHall ? helpRequests(rt) : [],
      setupVersion: domain.setupVersion(state.setup),
      storage: rt.storage.status(),
    };
  },
});
