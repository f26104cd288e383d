import { Readable } from 'node:stream';
import type { BrotliCompress, Gzip } from 'node:zlib';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { findDialect } from '../../src/api/dialects';
import type { FirstRead } from '../../src/api/dialect';
import { acceptedEncodings } from '../encoding';
import { CONSOLE_API, connectionBasePath } from './browser-config';
import type { HeldConnection } from './forward';

/**
 * The Overview's first reads of every connection the server polls, in one answer
 * (`GET /console/api/first-reads`, docs/live-push.md): the page asks for it from its HTML, beside its
 * code, instead of one request per read. Over HTTP/1.1 a browser sends six requests to a host at a
 * time, so ten reads queued behind the page's scripts, each paying the network's round trip again.
 *
 * The answer is newline-delimited JSON, written as it comes: first the paths it will answer, then one
 * line per read as soon as that read is answered, so that a slow vendor holds back its own
 * connection's reads and no other's. Each read goes through the forwarding route as the browser's own
 * request would (the rule check, the poller's cache and its watch at the read's pace), and its line
 * carries that answer as it was: status, content type, when it was polled, and the body as text.
 */
export const FIRST_READS_PATH = `${CONSOLE_API}/first-reads`;

/** One line of the answer after the first. */
export interface FirstReadLine {
  path: string;
  status: number;
  contentType: string | null;
  /** `X-Console-Polled-At` of the answer: when the vendor was asked. */
  polledAt: string | null;
  body: string;
}

/** The reads the answer holds: each dialect's `overviewReads`, for every connection the server signs in to itself. */
export function firstReadsOf(
  connections: readonly Pick<HeldConnection, 'id' | 'dialect' | 'personal'>[],
): (FirstRead & { path: string })[] {
  return connections.flatMap((c) =>
    c.personal
      ? []
      : (findDialect(c.dialect)?.overviewReads ?? []).map((r) => ({
          path: connectionBasePath(c.id) + r.path,
          pace: r.pace,
        })),
  );
}

/**
 * The streamed answer: `read` answers one path (the forwarding route, in the same process), and the
 * lines go out compressed as the client accepts, each flushed as it is written.
 */
export function firstReadsAnswer(
  reads: readonly (FirstRead & { path: string })[],
  read: (path: string, pace: FirstRead['pace']) => Promise<Response>,
  acceptEncoding: string | undefined,
): Response {
  const encoding = acceptedEncodings(acceptEncoding)[0] ?? null;
  const out: BrotliCompress | Gzip | null =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      : encoding === 'gzip'
        ? createGzip({ level: 5 })
        : null;
  const encoder = new TextEncoder();
  /** False once the client has gone (or the stream broke): the reads still finish, unwritten. */
  let open = true;
  let write: (line: unknown) => void;
  let end: () => void;
  let body: ReadableStream<Uint8Array>;
  if (out) {
    out.on('error', () => void (open = false));
    out.on('close', () => void (open = false));
    write = (line) => {
      out.write(JSON.stringify(line) + '\n');
      out.flush();
    };
    end = () => out.end();
    body = Readable.toWeb(out) as ReadableStream<Uint8Array>;
  } else {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    body = new ReadableStream<Uint8Array>({
      start: (c) => void (controller = c),
      cancel: () => void (open = false),
    });
    write = (line) => controller.enqueue(encoder.encode(JSON.stringify(line) + '\n'));
    end = () => controller.close();
  }
  const send = (what: () => void) => {
    if (!open) return;
    try {
      what();
    } catch {
      open = false;
    }
  };
  send(() => write({ paths: reads.map((r) => r.path) }));
  void Promise.all(
    reads.map(async ({ path, pace }) => {
      let line: FirstReadLine;
      try {
        const answer = await read(path, pace);
        line = {
          path,
          status: answer.status,
          contentType: answer.headers.get('content-type'),
          polledAt: answer.headers.get('x-console-polled-at'),
          body: await answer.text(),
        };
      } catch (err) {
        // Not expected (the route answers its own failures); the browser then asks for this one itself.
        console.error(`first read ${path} failed:`, err);
        return;
      }
      send(() => write(line));
    }),
  ).finally(() => send(end));
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      ...(encoding ? { 'content-encoding': encoding, vary: 'Accept-Encoding' } : {}),
      // A proxy in front (nginx) would otherwise hold the lines back until its buffer fills.
      'x-accel-buffering': 'no',
    },
  });
}
