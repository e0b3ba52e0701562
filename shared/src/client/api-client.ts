import type { z } from 'zod';
import { ErrorReply, type ErrorCode } from '../schemas/errors';
import type { Locale } from '../i18n/index';

// The screens' way to the hall server's HTTP API: replies are parsed with the same schemas the
// server answers with, and every failure becomes an ApiError with a code a screen can show.

interface FetchReply {
  status: number;
  text(): Promise<string>;
}
type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<FetchReply>;

/** Codes a client meets that the server never sends. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_REPLY';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    readonly status: number,
    message: string,
    /** The server's details: for VALIDATION_FAILED its `issues` ({ path, message }), which a form shows beside each field. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  idempotencyKey?: string;
  locale?: Locale;
  /** Headers an endpoint asks of one kind of client, such as a pad's `Device-Id`. */
  headers?: Record<string, string>;
}

/** What every request of one client carries: a device page's credential, and who hears that it was refused. */
export interface ClientDefaults {
  token?: string;
  /** Told of every UNAUTHORIZED or DEVICE_REVOKED answer (a device page goes back to pairing), before the caller. */
  onRefused?: (error: ApiError) => void;
}

const REFUSALS: ReadonlySet<string> = new Set(['UNAUTHORIZED', 'DEVICE_REVOKED']);

export function createApiClient(baseUrl = '', fetchImpl?: FetchLike, defaults: ClientDefaults = {}) {
  const send: FetchLike = fetchImpl ?? ((url, init) => (globalThis as unknown as { fetch: FetchLike }).fetch(url, init));

  async function request<S extends z.ZodType>(method: string, path: string, reply: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    const headers: Record<string, string> = { ...options.headers, 'accept-language': options.locale ?? 'zh-CN' };
    const token = options.token ?? defaults.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let response: FetchReply;
    let text: string;
    try {
      response = await send(baseUrl + path, body === undefined ? { method, headers } : { method, headers, body });
      text = await response.text();
    } catch (error) {
      throw new ApiError('NETWORK_ERROR', 0, (error as Error).message);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new ApiError('BAD_REPLY', response.status, text.slice(0, 200));
    }
    if (response.status >= 400) {
      const error = ErrorReply.safeParse(json);
      if (error.success) {
        const refused = new ApiError(error.data.error.code, response.status, error.data.error.message, error.data.error.details);
        if (REFUSALS.has(refused.code)) defaults.onRefused?.(refused);
        throw refused;
      }
      throw new ApiError('BAD_REPLY', response.status, text.slice(0, 200));
    }
    const parsed = reply.safeParse(json);
    if (!parsed.success) throw new ApiError('BAD_REPLY', response.status, parsed.error.message);
    return parsed.data;
  }

  return { request };
}

export type ApiClient = ReturnType<typeof createApiClient>;
