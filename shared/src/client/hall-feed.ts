import { io, type Socket } from 'socket.io-client';
import type { ClientHello, ClientToServerEvents, HallSnapshot, ServerEventName, ServerToClientEvents } from '../schemas/events';
import { serverEvents } from '../schemas/events';

// What a screen knows of the hall: the snapshot it got on (re)connect, with every change since
// applied to it. Payloads are parsed with the shared schemas; one that does not parse is
// dropped rather than shown.

const RECENT_CALLS = 8;

export function applyServerEvent(state: HallSnapshot | null, event: ServerEventName, payload: unknown): HallSnapshot | null {
  const parsed = serverEvents[event].safeParse(payload);
  if (!parsed.success) return state;
  const data = parsed.data;
  if (event === 'hall:snapshot') return data as HallSnapshot;
  if (state === null) return null;
  switch (event) {
    case 'evaluation:requested':
      return state;
    case 'duty:changed':
      return { ...state, duty: (data as { duty: HallSnapshot['duty'] }).duty };
    case 'help:changed': {
      const { helpRequest } = data as { helpRequest: HallSnapshot['helpRequests'][number] };
      const others = state.helpRequests.filter((h) => h.id !== helpRequest.id);
      return { ...state, helpRequests: helpRequest.handledAt === null ? [...others, helpRequest] : others };
    }
    case 'storage:changed':
      return { ...state, storage: data as HallSnapshot['storage'] };
    case 'notice:changed':
      return { ...state, notice: (data as { notice: string }).notice };
    case 'ticket:called': {
      const call = data as HallSnapshot['recentCalls'][number];
      return { ...state, recentCalls: [call, ...state.recentCalls].slice(0, RECENT_CALLS) };
    }
    case 'queue:changed':
      return { ...state, categories: (data as { categories: HallSnapshot['categories'] }).categories };
    case 'window:changed': {
      const { window } = data as { window: HallSnapshot['windows'][number] };
      return { ...state, windows: state.windows.map((w) => (w.no === window.no ? window : w)) };
    }
    case 'ticket:changed':
      return { ...state, ticket: data as NonNullable<HallSnapshot['ticket']> };
    case 'device:fault': {
      const { fault, cleared } = data as { fault: HallSnapshot['deviceFaults'][number]; cleared: boolean };
      const others = state.deviceFaults.filter((f) => f.deviceId !== fault.deviceId || f.part !== fault.part);
      return { ...state, deviceFaults: cleared ? others : [...others, fault] };
    }
  }
  return state;
}

export interface HallFeed {
  close(): void;
}

export interface HallFeedListener {
  onState(state: HallSnapshot | null): void;
  onConnection(connected: boolean): void;
  onEvent?(event: ServerEventName, payload: unknown): void;
  /**
   * The server closed the line or refused it: the credential the hello carries ended (a logout,
   * a session ended elsewhere, a device revoked) or is not accepted.
   */
  onRefused?(): void;
}

/** After the server closed the connection on purpose, it is tried again this much later (socket.io would not). */
const AFTER_SERVER_CLOSED_MS = 2000;

/** Connects to the hall server and keeps a snapshot current; reconnects by itself. */
export function connectHallFeed(serverUrl: string, hello: ClientHello, listener: HallFeedListener): HallFeed {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(serverUrl, {
    auth: hello,
    reconnectionDelay: 250,
    reconnectionDelayMax: 1000,
  });
  let state: HallSnapshot | null = null;
  socket.on('connect', () => listener.onConnection(true));
  let retry: ReturnType<typeof setTimeout> | undefined;
  socket.on('disconnect', (reason) => {
    listener.onConnection(false);
    if (reason !== 'io server disconnect') return;
    listener.onRefused?.();
    // Closed by the server: tried again a little later (socket.io would not), which its checks refuse if the credential ended.
    retry = setTimeout(() => socket.connect(), AFTER_SERVER_CLOSED_MS);
  });
  socket.on('connect_error', () => {
    listener.onConnection(false);
    // A refusal by the server's checks: socket.io does not try again.
    if (!socket.active) listener.onRefused?.();
  });
  socket.onAny((event: ServerEventName, payload: unknown) => {
    state = applyServerEvent(state, event, payload);
    listener.onState(state);
    listener.onEvent?.(event, payload);
  });
  return {
    close: () => {
      clearTimeout(retry);
      socket.close();
    },
  };
}
