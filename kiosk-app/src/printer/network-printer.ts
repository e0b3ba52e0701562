import net from 'node:net';
import type { PrintFault } from '@hall/shared';

// A receipt printer on the network (raw TCP, usually port 9100). Before a ticket is sent, the
// printer is asked for its real-time status on the same connection, so a ticket is not sent
// into a printer without paper, where it would be lost or come out hours later.

export interface NetworkTimeouts {
  connectMs: number;
  /** How long to wait for each status answer; some cheap printers never answer. */
  statusMs: number;
  /** Sending a ticket: a stopped printer stops reading, and the send would hang. */
  writeMs: number;
}

export const DEFAULT_TIMEOUTS: NetworkTimeouts = { connectMs: 3000, statusMs: 500, writeMs: 10_000 };

const DLE = 0x10;
const EOT = 0x04;
const ASK_PRINTER = 1;
const ASK_OFFLINE_CAUSE = 2;
const ASK_PAPER_SENSOR = 4;

const OFFLINE = 0x08; // printer status
const COVER_OPEN = 0x04; // offline cause
const STOPPED_FOR_PAPER_END = 0x20; // offline cause
const ERROR_OCCURRED = 0x40; // offline cause
const PAPER_END = 0x60; // paper sensor: both bits

/** Every DLE EOT answer has the bits 0xx1xx10; any other byte is not one. */
function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

class Timeout extends Error {}

/** A TCP connection read and written one step at a time: each step awaits a condition. */
class Link {
  private readonly inbox: number[] = [];
  private connected = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  private constructor(private readonly socket: net.Socket) {
    const poke = () => this.wake?.();
    socket.on('connect', () => {
      this.connected = true;
      poke();
    });
    socket.on('data', (chunk: Buffer) => {
      this.inbox.push(...chunk);
      poke();
    });
    socket.on('finish', poke);
    socket.on('error', (error) => {
      this.failure = error;
      poke();
    });
    socket.on('close', () => {
      this.failure ??= new Error('the printer closed the connection');
      poke();
    });
  }

  static async open(address: string, connectMs: number): Promise<Link> {
    const { hostname, port } = new URL(address);
    const link = new Link(net.connect({ host: hostname, port: Number(port) }));
    try {
      await link.until(() => link.connected, connectMs);
    } catch (error) {
      link.close();
      throw error;
    }
    return link;
  }

  /** A DLE EOT answer, or null when the printer says nothing sensible in time. */
  async ask(n: number, ms: number): Promise<number | null> {
    this.inbox.length = 0;
    this.socket.write(Buffer.from([DLE, EOT, n]));
    try {
      await this.until(() => this.inbox.length > 0, ms);
    } catch (error) {
      if (error instanceof Timeout) return null;
      throw error;
    }
    const byte = this.inbox[0]!;
    return isStatusByte(byte) ? byte : null;
  }

  async send(bytes: Buffer, ms: number): Promise<void> {
    this.socket.end(bytes);
    await this.until(() => this.socket.writableFinished, ms);
  }

  close(): void {
    this.socket.destroy();
  }

  /** Resolves once `ready()` holds; rejects when the socket fails first, or with Timeout. */
  private until(ready: () => boolean, ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const settle = (error?: Error) => {
        clearTimeout(timer);
        this.wake = null;
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => settle(new Timeout()), ms);
      this.wake = () => {
        if (ready()) settle();
        else if (this.failure) settle(this.failure);
      };
      this.wake();
    });
  }
}

/**
 * Null when the printer is ready, or does not answer (it may still print). Asking stops at the
 * first silence: a late answer would be taken for the next question's.
 */
async function statusFault(link: Link, ms: number): Promise<PrintFault | null> {
  const printer = await link.ask(ASK_PRINTER, ms);
  if (printer === null) return null;
  const cause = await link.ask(ASK_OFFLINE_CAUSE, ms);
  const paper = cause === null ? null : await link.ask(ASK_PAPER_SENSOR, ms);
  // An unanswered question raises no flag.
  return faultOf(printer, cause ?? 0, paper ?? 0);
}

function faultOf(printer: number, cause: number, paper: number): PrintFault | null {
  const has = (byte: number, bits: number) => (byte & bits) === bits;
  // The cover first: with it open, the paper sensor may report an end that is not there.
  if (has(cause, COVER_OPEN)) return 'cover_open';
  if (has(paper, PAPER_END) || has(cause, STOPPED_FOR_PAPER_END)) return 'paper_out';
  if (has(printer, OFFLINE) || has(cause, ERROR_OCCURRED)) return 'printer_error';
  return null;
}

/** Whatever goes wrong once connected is the printer's fault, not the network's. */
async function withLink(
  address: string,
  timeouts: NetworkTimeouts,
  use: (link: Link) => Promise<PrintFault | null>,
): Promise<PrintFault | null> {
  let link: Link;
  try {
    link = await Link.open(address, timeouts.connectMs);
  } catch {
    return 'printer_offline';
  }
  try {
    return await use(link);
  } catch {
    return 'printer_error';
  } finally {
    link.close();
  }
}

/** Null once the ticket is sent. Nothing is sent to a printer that reports a fault. */
export function printOverNetwork(address: string, bytes: Buffer, timeouts: NetworkTimeouts): Promise<PrintFault | null> {
  return withLink(address, timeouts, async (link) => {
    const fault = await statusFault(link, timeouts.statusMs);
    if (fault === null) await link.send(bytes, timeouts.writeMs);
    return fault;
  });
}

/** Null when the printer is reachable and reports no fault. */
export function networkPrinterFault(address: string, timeouts: NetworkTimeouts): Promise<PrintFault | null> {
  return withLink(address, timeouts, (link) => statusFault(link, timeouts.statusMs));
}
