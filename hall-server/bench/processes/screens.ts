import type { CallView, ClientHello, ClientToServerEvents, ServerToClientEvents } from '@hall/shared';
import { io, type Socket } from 'socket.io-client';
import { callKey } from '../support/call-key';
import { serveApi } from '../support/child-api';
import { monoMs, processCpuMs } from '../support/clock';

// The hall's screens, pads, kiosks and phone pages: hundreds of socket.io clients in one
// child process, noting when each call reaches each of them.

let sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
/** Per call (its number and time: calls carry no ticket id): how many clients have received it, and when the latest did. */
let receipts = new Map<string, { count: number; lastMs: number }>();

function received(call: CallView): void {
  const at = monoMs();
  const key = callKey(call);
  const seen = receipts.get(key);
  if (seen) {
    seen.count++;
    seen.lastMs = at;
  } else {
    receipts.set(key, { count: 1, lastMs: at });
  }
}

export interface Receipt {
  call: string;
  clients: number;
  lastMs: number;
}

const api = {
  /** Connects one client per hello; resolves when all are connected. */
  async connect(url: string, hellos: ClientHello[]): Promise<void> {
    // forceNew: one connection per client, as separate devices have, not one multiplexed.
    sockets = hellos.map((hello) => io(url, { auth: hello, transports: ['websocket'], forceNew: true, reconnection: false }));
    for (const socket of sockets) socket.on('ticket:called', received);
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            socket.once('connect', resolve);
            socket.once('connect_error', reject);
          }),
      ),
    );
  },
  /** The receipts so far, forgetting them. */
  takeReceipts(): Receipt[] {
    const taken = [...receipts].map(([call, { count, lastMs }]) => ({ call, clients: count, lastMs }));
    receipts = new Map();
    return taken;
  },
  disconnect(): void {
    for (const socket of sockets) socket.disconnect();
    sockets = [];
  },
  cpuMs: processCpuMs,
};
export type ScreensApi = typeof api;

serveApi(api, async () => api.disconnect());
