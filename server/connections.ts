import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Answers to requests whose body was not read to the end (a 413, an early 401/403/404/415, a route
 * that never reads its body) must not break the connection under the client:
 *
 * - such an answer says `Connection: close`, so the client opens a new connection for its next
 *   request instead of sending it on one the server is about to drop;
 * - the server then closes the way nginx's lingering close does: it sends the answer and a FIN, and
 *   keeps reading (and dropping) what the client still sends until the client closes its side, is
 *   silent for `idleMs` or `totalMs` have passed. Closing at once instead, with unread bytes in the
 *   socket, makes the kernel send a reset, and a client still uploading loses the answer (EPIPE or
 *   "other side closed").
 *
 * A request read to the end keeps its keep-alive connection. `guardConnections` is applied to every
 * HTTP server the project runs: `server/main.ts`, the Vite dev server (`vite.config.ts`) and the
 * tests' listener.
 */
export interface Linger {
  /** Close when the client has sent nothing for this long. */
  idleMs: number;
  /** Close after this long whatever the client does. */
  totalMs: number;
}

export const LINGER: Linger = { idleMs: 5_000, totalMs: 30_000 };

function declaresBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  if (!declaresBody(req)) return;
  const writeHead = res.writeHead.bind(res);
  res.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
    // Node writes `Connection: close` and ends the connection after this answer.
    if (!req.complete) res.shouldKeepAlive = false;
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
  res.once('finish', () => {
    if (req.complete) return;
    // Keep the rest of the body flowing (and dropped) while the connection lingers.
    req.on('error', () => {});
    req.resume();
  });
}

function lingerOnClose(socket: Socket, linger: Linger): void {
  const destroySoon = socket.destroySoon.bind(socket);
  let lingering = false;
  socket.destroySoon = () => {
    if (socket.destroyed || lingering) return;
    // Nothing more will come from the client: the ordinary close is the clean one.
    if (socket.readableEnded) return destroySoon();
    lingering = true;
    socket.end();
    const total = setTimeout(() => socket.destroy(), linger.totalMs);
    total.unref();
    socket.setTimeout(linger.idleMs, () => socket.destroy());
    socket.once('end', () => socket.destroy());
    socket.once('close', () => clearTimeout(total));
  };
}

export function guardConnections<S extends Server>(server: S, linger: Linger = LINGER): S {
  server.on('connection', (socket: Socket) => lingerOnClose(socket, linger));
  // First among the request listeners, so that the answer's head is not written before the guard.
  server.prependListener('request', closeIfBodyUnread);
  return server;
}
