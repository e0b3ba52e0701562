import { Agent, request } from 'node:http';

export interface HttpReply {
  status: number;
  body: unknown;
}

/**
 * POSTs JSON over keep-alive connections with node:http. The tests' fetch-based `api` is fine
 * for setting up, but at thousands of requests a second fetch costs the load generator more
 * CPU than the server spends answering, on a machine whose two cores they share.
 */
export class JsonHttp {
  private readonly agent: Agent;

  constructor(
    private readonly base: string,
    maxSockets = 64,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpReply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const allHeaders =
      payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
    return new Promise((resolve, reject) => {
      const outgoing = request(this.base + path, { method: 'POST', agent: this.agent, headers: allHeaders }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: incoming.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        });
      });
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
