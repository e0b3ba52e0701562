import type { IncomingMessage } from 'node:http';

// Which socket.io handshakes are let through, before any socket exists. A page of another site
// open in a browser on the LAN would otherwise reach the hall's sockets with that browser's
// address (cross-site websocket hijacking): a browser always sends the page's Origin, so an
// Origin other than the hall's own address is refused. Devices that are not browsers send no
// Origin; their credential decides (the socket's own check). Handshakes per address are limited
// like requests.

/** What the hall's clients send: nothing but the hello in the handshake (clients emit no events). */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;

export interface HandshakeRules {
  /** Origins allowed besides the address the request came to (HALL_ORIGINS). */
  origins: readonly string[];
  /** Seconds an address must wait before its next handshake, 0 when it may go on; null: no limit. */
  rate: ((address: string) => number) | null;
}

/** The origin of a page served by the server the request came to, as its Host header names it. */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** socket.io's `allowRequest`: refuses with the code as the handshake error's message. */
export function allowHandshake(rules: HandshakeRules) {
  return (request: IncomingMessage, callback: (error: string | null | undefined, allowed: boolean) => void): void => {
    const origin = request.headers.origin;
    if (origin !== undefined && !rules.origins.includes(origin) && !isOwnOrigin(origin, request.headers.host)) return callback('FORBIDDEN', false);
    if (rules.rate !== null && rules.rate(request.socket.remoteAddress ?? '') > 0) return callback('RATE_LIMITED', false);
    callback(null, true);
  };
}
