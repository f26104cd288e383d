import { request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { ViteDevServer } from 'vite';
import { createServer as createVite } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from './app';
import { loadConfig } from './config';
import { listen } from './listen-test-support';
import { startMain } from './process-test-support';

/**
 * Issue 9 §1 over raw sockets, on every server the project runs (`server/main.ts`, the tests'
 * listener, the Vite dev server that forwards to the service): an answer given before the request
 * body was read to the end says `Connection: close`, the client can send its whole body and read the
 * whole answer, the server's side closes with a FIN (never a reset), and the client's next request
 * works. A body read to the end keeps the connection alive.
 */

interface Exchange {
  /** Everything the server sent, as text. */
  text: string;
  /** The socket error the client saw, if any (ECONNRESET, EPIPE). */
  error?: string;
  /** The server closed its side cleanly (FIN). */
  ended: boolean;
  /** Every byte of the body was handed to the socket without an error. */
  bodySent: boolean;
}

/** Sends a request head and then `body` in chunks (pausing `pauseMs` between them), reads until close. */
function exchange(
  url: string,
  head: string,
  body: Buffer,
  options: { chunk?: number; pauseMs?: number; then?: string } = {},
): Promise<Exchange> {
  const { port } = new URL(url);
  // Half-open allowed: like a client that keeps uploading after the server's FIN (curl, browsers).
  const socket = connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen: true });
  const result: Exchange = { text: '', ended: false, bodySent: false };
  socket.on('data', (d: Buffer) => (result.text += d.toString('latin1')));
  socket.on('end', () => {
    result.ended = true;
    if (result.bodySent) socket.end();
  });
  socket.on('error', (err: NodeJS.ErrnoException) => (result.error ??= err.code ?? err.message));
  const chunk = options.chunk ?? body.length;
  const send = async () => {
    socket.write(`${head}Content-Length: ${body.length}\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    for (let at = 0; at < body.length; at += chunk) {
      const ok = await new Promise<boolean>((resolve) =>
        socket.write(body.subarray(at, at + chunk), (err) => resolve(!err)),
      );
      if (!ok) return;
      if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
    }
    result.bodySent = true;
    if (options.then && !socket.destroyed) socket.write(options.then);
    if (result.ended) socket.end();
  };
  return new Promise((resolve) => {
    socket.on('close', () => resolve(result));
    socket.on('connect', () => void send());
    // A server that keeps the connection alive never closes it: stop reading after a while.
    setTimeout(() => socket.end(), options.then ? 500 : 3000).unref();
  });
}

const BIG = Buffer.alloc(3 * 1024 * 1024, 'a');
const HALF_MB = Buffer.alloc(600 * 1024, 'b');
const WAKE = 'POST /v1.0/110011/user/wakeupagents HTTP/1.1\r\nContent-Type: application/json\r\n';

function answers(text: string): { status: number; headers: string; body: string }[] {
  const out: { status: number; headers: string; body: string }[] = [];
  for (const part of text.split(/(?=HTTP\/1\.1 \d{3} )/)) {
    const [headers = '', body = ''] = part.split('\r\n\r\n');
    out.push({ status: Number(headers.slice(9, 12)), headers: headers.toLowerCase(), body });
  }
  return out;
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/v2.0/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ auth: { passwordCredentials: { username: 'support', password: 'demo' } } }),
  });
  return ((await res.json()) as { access: { token: { id: string } } }).access.token.id;
}

/** Two requests through one keep-alive agent that holds a single socket: the second must work. */
async function twoInARow(url: string, first: { path: string; body: Buffer; token?: string }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method: string, path: string, body?: Buffer, token?: string) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${url}${path}`,
        {
          method,
          agent,
          headers: { 'content-type': 'application/json', ...(token ? { 'x-auth-token': token } : {}) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    const a = await send('POST', first.path, first.body, first.token);
    await new Promise((r) => setTimeout(r, 200));
    const b = await send('GET', '/health');
    return [a, b];
  } finally {
    agent.destroy();
  }
}

function suite(
  name: string,
  start: () => Promise<{ url: string; stop(): Promise<void> }>,
  options: { keepsAlive: boolean } = { keepsAlive: true },
) {
  describe(`${name}: an answer before the body is read`, () => {
    let url = '';
    let running: { url: string; stop(): Promise<void> } | undefined;
    beforeAll(async () => {
      running = await start();
      url = running.url;
    });
    afterAll(() => running?.stop());

    it('413 for a body over 1 MB: Connection: close, the whole answer, a clean FIN', async () => {
      const got = await exchange(url, WAKE, BIG, { chunk: 256 * 1024 });
      expect(got.error).toBeUndefined();
      expect(got.bodySent).toBe(true);
      expect(got.ended).toBe(true);
      const [answer] = answers(got.text);
      expect(answer?.status).toBe(413);
      expect(answer?.headers).toContain('connection: close');
      expect(JSON.parse(answer!.body)).toMatchObject({ overLimit: { code: 413 } });
    });

    it('an early 401 while the client is still uploading slowly: it sends everything, reads the 401', async () => {
      const got = await exchange(url, WAKE, HALF_MB, { chunk: 32 * 1024, pauseMs: 10 });
      expect(got.error).toBeUndefined();
      expect(got.bodySent).toBe(true);
      expect(got.ended).toBe(true);
      const [answer] = answers(got.text);
      expect(answer?.status).toBe(401);
      expect(answer?.headers).toContain('connection: close');
    });

    it('the next request of a keep-alive client works (a route that never reads its body, then a 413)', async () => {
      const token = await signIn(url);
      expect(await twoInARow(url, { path: '/v1.0/110011/user/wakeupagents', body: HALF_MB, token })).toEqual([
        200, 200,
      ]);
      expect(await twoInARow(url, { path: '/v1.0/110011/user/wakeupagents', body: BIG, token })).toEqual([
        413, 200,
      ]);
    });

    it.runIf(options.keepsAlive)(
      'a body read to the end keeps the connection: the next request on it is answered',
      async () => {
        const body = Buffer.from(
          JSON.stringify({ auth: { passwordCredentials: { username: 'x', password: 'y' } } }),
        );
        const got = await exchange(
          url,
          'POST /v2.0/tokens HTTP/1.1\r\nContent-Type: application/json\r\n',
          body,
          {
            then: `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
          },
        );
        const [first, second] = answers(got.text);
        expect(first?.status).toBe(401);
        expect(first?.headers).toContain('connection: keep-alive');
        expect(second?.status).toBe(200);
      },
    );
  });
}

suite('the tests’ listener', async () => {
  const service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
  const server = await listen(service);
  return { url: server.url, stop: async () => (await server.close(), service.close()) };
});

suite('server/main.ts', async () => {
  const main = await startMain(['--data-dir', ':memory:']);
  return { url: main.url, stop: () => main.stop() };
});

suite(
  'the Vite dev server (npm run dev)',
  async () => {
    const behind = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    const server = await listen(behind);
    const saved = process.env.SERVICE_URL;
    process.env.SERVICE_URL = server.url;
    let vite: ViteDevServer;
    try {
      vite = await createVite({
        configFile: 'vite.config.ts',
        server: { port: 0, host: '127.0.0.1' },
        logLevel: 'silent',
        optimizeDeps: { noDiscovery: true },
      });
      await vite.listen();
    } finally {
      process.env.SERVICE_URL = saved;
    }
    const { port } = vite.httpServer!.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      stop: async () => (await vite.close(), await server.close(), behind.close()),
    };
    // Vite's proxy asks the service to close after each answer and passes that on: no keep-alive there.
  },
  { keepsAlive: false },
);
