import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Server as NodeServer, Socket } from 'node:net';
import { DomainError } from '../domain';
import { RateBuckets, type BucketRule } from './rate-buckets';

// What keeps one machine on the LAN from stalling the hall: request rates per device and per
// address, a cap on open connections (in all and per address), and timeouts for requests that
// never finish arriving. Refusals cost no body parsing, no database and no hashing.

/** Which protections are on: all of them in a hall; tests of other things and the capacity benchmarks turn them off. */
export interface AbuseLimits {
  /** Request rates per device and per address (RATE_LIMITED), socket.io handshakes included. */
  rates: boolean;
  /** The lock after wrong PINs (services/pin-guard.ts). */
  pinLock: boolean;
  /** The per-address cap on open connections. */
  connectionsPerAddress: boolean;
}

export const HALL_LIMITS: AbuseLimits = { rates: true, pinLock: true, connectionsPerAddress: true };

/**
 * Rates by kind of request. A kiosk at the morning peak issues a ticket every few seconds; a
 * hall screen coming back after a power cut loads its page, its assets and a snapshot at once;
 * one laptop must not take thousands of tickets (it took 2,000 in 3.5 s before these).
 */
export const RATES = {
  /** 取号: 20 at once, then one every 2 s. */
  issue: { burst: 20, perSecond: 0.5 },
  /**
   * 预约签到: codes are guessed here; 4 at once, then one every 15 s. One kiosk or laptop alone then
   * stays under the hall-wide cap of wrong codes (services/check-in-cap.ts), which would stop every
   * kiosk's check-in for the minute; a visitor who mistypes twice is not held up.
   */
  checkIn: { burst: 4, perSecond: 1 / 15 },
  /** Signing in, 补打, PIN changes: the PIN lock counts wrong PINs; this bounds the rest. */
  pin: { burst: 10, perSecond: 0.5 },
  /** A device asking for something: a guide, a printer's state, pairing. */
  ask: { burst: 10, perSecond: 0.2 },
  /** A phone following its ticket and rating it. */
  phone: { burst: 30, perSecond: 1 },
  /** Everything else: reads, pages, assets, staff consoles' actions. */
  other: { burst: 200, perSecond: 10 },
  /**
   * socket.io handshakes, per address (a handshake carries no credential yet): a screen reconnecting
   * backs off from 1 s; a phone page reloading; a PC showing the demo hall's 49 devices, or devices
   * behind one access point's address, all coming back after a restart.
   */
  socket: { burst: 60, perSecond: 2 },
} satisfies Record<string, BucketRule>;

type RateClass = Exclude<keyof typeof RATES, 'socket'>;

const ROUTE_RATES: Readonly<Record<string, RateClass>> = {
  'POST /api/tickets': 'issue',
  'POST /api/appointments/check-in': 'checkIn',
  'POST /api/auth/login': 'pin',
  'POST /api/office/login': 'pin',
  'POST /api/tickets/reprint': 'pin',
  'POST /api/auth/pin': 'pin',
  'POST /api/help-requests': 'ask',
  'PUT /api/devices/:deviceId/status': 'ask',
  'GET /api/tickets/:secret': 'phone',
  'GET /api/tickets/:secret/evaluation': 'phone',
  'POST /api/evaluations': 'phone',
  // The published ratings: a page turning months, never a stream; each new month is a report to work out.
  'GET /api/public/ratings': 'phone',
};

/** Requests asking to pair a device (the pairing routes), whatever their exact paths. */
const PAIRING = /^\/api\/(pairing|devices\/pair)/;

function rateClass(request: FastifyRequest): RateClass {
  const route = request.routeOptions.url;
  if (route === undefined) return 'other';
  // Asking for a code is counted; a device showing its code asks every 2 s whether it is paired,
  // by a secret no one can guess, and must not be throttled out of its pairing (issue 15, H4).
  if (PAIRING.test(route)) return request.method === 'GET' ? 'other' : 'ask';
  return ROUTE_RATES[`${request.method} ${route}`] ?? 'other';
}

/**
 * The key a caller's requests are counted under: a device's own id (two kiosks behind one NAT'd
 * address each keep their allowance; a stolen credential used from many addresses still has
 * one), else the address; none for staff and office sessions, people signed in with their PIN
 * at the hall's own PCs.
 */
function callerKey(request: FastifyRequest): string | null {
  const { principal } = request;
  if (principal.kind === 'staff' || principal.kind === 'office') return null;
  return principal.kind === 'device' ? `device:${principal.device.id}` : `address:${request.ip}`;
}

/** Refuses a request over its caller's rate (RATE_LIMITED, 429, with the seconds to wait); register after request.principal is resolved. */
export function limitRates(app: FastifyInstance): void {
  const buckets = Object.fromEntries(Object.entries(RATES).map(([name, rule]) => [name, new RateBuckets(rule)])) as Record<keyof typeof RATES, RateBuckets>;
  app.addHook('onRequest', async (request) => {
    const key = callerKey(request);
    if (key === null) return;
    const wait = buckets[rateClass(request)].take(key);
    if (wait > 0) throw new DomainError('RATE_LIMITED', { retryAfterSeconds: wait });
  });
}

/** socket.io handshakes per address; answers the seconds to wait, 0 when let through. */
export function socketHandshakeRate(): (address: string) => number {
  const bucket = new RateBuckets(RATES.socket);
  return (address) => bucket.take(`address:${address}`);
}

/** Timeouts for the node server under fastify: a client must send its headers promptly and its whole request in time. */
export const SERVER_TIMEOUTS = {
  /** The whole request (a 2 MB set-up on a slow Wi-Fi fits); a socket.io long-poll is answered within 25 s. */
  requestTimeout: 60_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeout: 10_000,
};
/** Headers must all be in within this (slowloris). */
const HEADERS_TIMEOUT_MS = 10_000;

/**
 * At most `total` open connections (screens, kiosks, consoles, phones), and at most
 * `perAddress` from one address when that cap is on: one laptop cannot take them all.
 */
export function capConnections(server: NodeServer & { headersTimeout?: number }, total: number, perAddress: number | null): void {
  server.maxConnections = total;
  if (server.headersTimeout !== undefined) server.headersTimeout = HEADERS_TIMEOUT_MS;
  if (perAddress === null) return;
  const open = new Map<string, number>();
  // 'connection' is the TCP connection, before any TLS handshake: a refused one costs nothing more.
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
