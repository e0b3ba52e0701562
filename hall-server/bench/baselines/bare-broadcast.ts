import type { CallView, ClientToServerEvents, ServerToClientEvents } from '@hall/shared';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * The baseline of call-to-screen: socket.io with nothing behind it. Every request's body is a
 * call, broadcast to every client as `ticket:called`, then answered: no routes, no checks, no
 * database, no other events. With no client connected it is the floor of issuing: an HTTP
 * server that does nothing.
 */
export async function startBareBroadcast(): Promise<{ url: string; close(): Promise<void> }> {
  const http = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      io.emit('ticket:called', JSON.parse(Buffer.concat(chunks).toString()) as CallView);
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' }).end('{}');
    });
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { serveClient: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        io.close(() => resolve());
      }),
  };
}
