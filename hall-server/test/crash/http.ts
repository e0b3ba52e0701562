import { request as httpRequest } from 'node:http';

// The crash loop's requests: a connection of their own each (no pool), so a request that fails
// failed because the server died under it, never because a pooled connection of the server
// before the restart was reused.

export interface Reply {
  status: number;
  body: any;
  /** The server answered a kiosk's key it already knew with the ticket it issued then. */
  replayed: boolean;
}

export function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', reject);
      res.on('end', () => {
        // A reply cut off by the kill is no reply.
        if (!res.complete) return reject(new Error('reply cut off'));
        try {
          resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null, replayed: res.headers['idempotent-replayed'] === 'true' });
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls GET /api/health until it answers 200; resolves with the moment it did (performance.now()). */
export async function answeringAt(base: string, timeoutMs = 20_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      const reply = await call(base, 'GET', '/api/health');
      if (reply.status === 200) return performance.now();
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) throw new Error(`${base} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
