import net from 'node:net';

// A network receipt printer on 127.0.0.1: it keeps what each connection sent and answers the
// real-time status questions (DLE EOT n) with bytes the test chooses, or by dropping the
// connection ('hang-up').

/** The answer to each DLE EOT n; a question without one is never answered. */
export type StatusBytes = Readonly<Partial<Record<1 | 2 | 4, number>>>;
export type Behaviour = StatusBytes | 'hang-up';

export const HEALTHY: StatusBytes = { 1: 0x12, 2: 0x12, 4: 0x12 };
export const SILENT: StatusBytes = {};
export const PAPER_END: StatusBytes = { ...HEALTHY, 4: 0x72 };
export const COVER_OPEN: StatusBytes = { ...HEALTHY, 2: 0x16 };

const DLE = 0x10;
const EOT = 0x04;

export class FakePrinter {
  /** The bytes of each connection, in the order they closed. */
  readonly connections: Buffer[] = [];
  /** The n of every DLE EOT n received. */
  readonly questions: number[] = [];
  status: Behaviour;
  private readonly sockets = new Set<net.Socket>();
  private closedListeners: (() => void)[] = [];

  private constructor(
    private readonly server: net.Server,
    status: Behaviour,
  ) {
    this.status = status;
    server.on('connection', (socket) => this.serve(socket));
  }

  static async start(status: Behaviour = HEALTHY): Promise<FakePrinter> {
    const server = net.createServer();
    const printer = new FakePrinter(server, status);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return printer;
  }

  get address(): string {
    const { port } = this.server.address() as net.AddressInfo;
    return `tcp://127.0.0.1:${port}`;
  }

  /** The bytes of the first `count` connections, once they have closed. */
  async closedConnections(count: number): Promise<Buffer[]> {
    while (this.connections.length < count) {
      await new Promise<void>((resolve) => this.closedListeners.push(resolve));
    }
    return this.connections.slice(0, count);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: net.Socket): void {
    this.sockets.add(socket);
    let received = Buffer.alloc(0);
    let scanned = 0;
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      // A question may arrive split across chunks: scan only up to the last complete one.
      while (scanned + 2 < received.length) {
        if (received[scanned] === DLE && received[scanned + 1] === EOT) {
          this.answer(socket, received[scanned + 2]!);
          scanned += 3;
        } else {
          scanned += 1;
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.connections.push(received);
      const listeners = this.closedListeners;
      this.closedListeners = [];
      for (const listener of listeners) listener();
    });
  }

  private answer(socket: net.Socket, n: number): void {
    this.questions.push(n);
    if (this.status === 'hang-up') {
      socket.destroy();
      return;
    }
    const byte = this.status[n as 1 | 2 | 4];
    if (byte !== undefined) socket.write(Buffer.from([byte]));
  }
}

/** A port where nothing listens: taken from the system, then let go. */
export async function deadAddress(): Promise<string> {
  const printer = await FakePrinter.start();
  const address = printer.address;
  await printer.stop();
  return address;
}
