import { connect, type Socket } from 'node:net';

export interface HttpReply {
  status: number;
  body: unknown;
}

interface Pending {
  request: Buffer;
  resolve(reply: HttpReply): void;
  reject(error: Error): void;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * POSTs JSON over keep-alive HTTP/1.1 connections, one request at a time on each, written and
 * read straight off the sockets. The load generator shares the machine's two cores with the
 * server it measures, so it must cost as little as it can: node:http's client took about 120 µs
 * of CPU a request (the generator used 40% of a core at 3,500 tickets a second), this a
 * fraction of that. It reads what the servers here send: a status line, headers with
 * Content-Length, and a JSON body (or none).
 */
export class JsonHttp {
  private readonly host: string;
  private readonly port: number;
  private readonly idle: Connection[] = [];
  private readonly queue: Pending[] = [];
  private readonly all = new Set<Connection>();
  private closed = false;

  constructor(
    base: string,
    private readonly maxSockets = 64,
  ) {
    const url = new URL(base);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpReply> {
    const payload = body === undefined ? '' : JSON.stringify(body);
    let head = `POST ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n`;
    if (body !== undefined) head += 'Content-Type: application/json\r\n';
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    const request = Buffer.from(`${head}\r\n${payload}`);
    return new Promise((resolve, reject) => {
      const pending = { request, resolve, reject };
      const connection = this.idle.pop() ?? (this.all.size < this.maxSockets ? this.open() : null);
      if (connection) connection.send(pending);
      else this.queue.push(pending);
    });
  }

  close(): void {
    this.closed = true;
    for (const connection of this.all) connection.socket.destroy();
    this.all.clear();
    this.idle.length = 0;
  }

  private open(): Connection {
    const connection = new Connection(connect({ host: this.host, port: this.port, noDelay: true }), {
      free: () => {
        const next = this.queue.shift();
        if (next) connection.send(next);
        else this.idle.push(connection);
      },
      lost: () => {
        this.all.delete(connection);
        const at = this.idle.indexOf(connection);
        if (at >= 0) this.idle.splice(at, 1);
        // Requests still waiting get a connection of their own.
        const next = this.closed ? undefined : this.queue.shift();
        if (next) this.open().send(next);
      },
    });
    this.all.add(connection);
    return connection;
  }
}

class Connection {
  private current: Pending | null = null;
  private received: Buffer = Buffer.alloc(0);
  private lost = false;

  constructor(
    readonly socket: Socket,
    private readonly pool: { free(): void; lost(): void },
  ) {
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  send(pending: Pending): void {
    this.current = pending;
    this.socket.write(pending.request);
  }

  private read(chunk: Buffer): void {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    const headEnd = this.received.indexOf(HEAD_END);
    if (headEnd < 0 || this.current === null) return;
    const head = this.received.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (length === null) return this.fail(new Error(`a reply without Content-Length: ${head.split('\r\n')[0]}`));
    const bodyStart = headEnd + HEAD_END.length;
    const bodyEnd = bodyStart + Number(length[1]);
    if (this.received.length < bodyEnd) return;
    const text = this.received.toString('utf8', bodyStart, bodyEnd);
    this.received = this.received.subarray(bodyEnd);
    const pending = this.current;
    this.current = null;
    pending.resolve({ status: Number(head.slice(9, 12)), body: text ? JSON.parse(text) : null });
    this.pool.free();
  }

  private fail(error: Error): void {
    const pending = this.current;
    this.current = null;
    if (!this.socket.destroyed) this.socket.destroy();
    pending?.reject(error);
    if (!this.lost) {
      this.lost = true;
      this.pool.lost();
    }
  }
}
