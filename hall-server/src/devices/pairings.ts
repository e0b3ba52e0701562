import type { ApprovePairingBody, EnrolDeviceBody, EnrolDeviceReply, EnrolledDevice, PairingRequestBody, PairingRequestReply, PairingStatusReply, PendingPairing } from '@hall/shared';
import { randomBytes, randomInt } from 'node:crypto';
import { DomainError } from '../domain';

// Pairing a new device (issue 15): its page asks for a request and shows the short code; an
// administrator enters the code and says what the device is; the page, asking meanwhile by its
// secret pairing id, receives the credential (again, until the request's time is up, should the
// first answer be lost on the network: the device would otherwise show a new code while an
// enrolled device waits for it; only the holder of the secret pairing id ever hears it). Kept in memory only: a request lives ten
// minutes, and a restart just makes the device ask again. The pending requests are capped in
// all and per address, so a flood of requests cannot fill the server's memory: an address's
// oldest request makes room for its newest (a device reloading its page), a full table refuses.

export interface PairingLimits {
  ttlMs: number;
  /** Pending requests in all. */
  maxPending: number;
  /** Pending requests from one network address. */
  maxPerAddress: number;
}

export const PAIRING_LIMITS: PairingLimits = { ttlMs: 10 * 60_000, maxPending: 100, maxPerAddress: 4 };

interface PairingRequest {
  code: string;
  kind: PendingPairing['kind'];
  windowNo: number | null;
  address: string;
  requestedAt: number;
  expiresAt: number;
  /** Set once approved, until the request's time is up. */
  paired: EnrolDeviceReply | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class Pairings {
  /** By pairing id, oldest first. */
  private readonly requests = new Map<string, PairingRequest>();

  constructor(
    private readonly now: () => number,
    private readonly limits: PairingLimits = PAIRING_LIMITS,
  ) {}

  /** A new device's page asks to be paired: its secret id and the code it shows. */
  request(body: PairingRequestBody, address: string): PairingRequestReply {
    this.forgetExpired();
    const fromAddress = [...this.requests].filter(([, r]) => r.address === address && r.paired === null);
    if (fromAddress.length >= this.limits.maxPerAddress) this.requests.delete(fromAddress[0]![0]);
    if (this.requests.size >= this.limits.maxPending) throw new DomainError('PAIRINGS_FULL');
    const pairingId = randomBytes(32).toString('base64url');
    const requestedAt = this.now();
    const request: PairingRequest = { code: this.freeCode(), kind: body.kind, windowNo: body.windowNo ?? null, address, requestedAt, expiresAt: requestedAt + this.limits.ttlMs, paired: null };
    this.requests.set(pairingId, request);
    return { pairingId, code: request.code, expiresAt: iso(request.expiresAt) };
  }

  /** What the device hears when it asks: waiting, its credential once approved, or that its time is up. */
  status(pairingId: string): PairingStatusReply {
    this.forgetExpired();
    const request = this.requests.get(pairingId);
    if (!request) return { status: 'expired' };
    if (request.paired === null) return { status: 'waiting', code: request.code, expiresAt: iso(request.expiresAt) };
    return { status: 'paired', ...request.paired };
  }

  /** The devices waiting for an administrator, oldest first. */
  pending(): PendingPairing[] {
    this.forgetExpired();
    return [...this.requests.values()]
      .filter((r) => r.paired === null)
      .map((r) => ({ code: r.code, kind: r.kind, windowNo: r.windowNo, address: r.address, requestedAt: iso(r.requestedAt), expiresAt: iso(r.expiresAt) }));
  }

  /** An administrator approves the device showing `code` as what they chose; `enrol` issues its credential. */
  approve(body: ApprovePairingBody, enrol: (role: EnrolDeviceBody) => EnrolDeviceReply): EnrolledDevice {
    this.forgetExpired();
    const request = [...this.requests.values()].find((r) => r.code === body.code && r.paired === null);
    if (!request) throw new DomainError('PAIRING_NOT_FOUND');
    const { code: _code, ...role } = body;
    request.paired = enrol(role);
    return request.paired.device;
  }

  /** Six digits that no pending request shows (the table is capped far below a million). */
  private freeCode(): string {
    const taken = new Set([...this.requests.values()].map((r) => r.code));
    for (;;) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!taken.has(code)) return code;
    }
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [id, request] of this.requests) if (request.expiresAt <= now) this.requests.delete(id);
  }
}
