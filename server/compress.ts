import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { acceptedEncodings } from './encoding';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Below this an answer goes as it is: compressing it would save less than a packet. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * Brotli at quality 4 compresses JSON lists about 20:1 at over 100 MB/s (a 2.5 MB list in about 20 ms,
 * on the zlib thread pool, not the event loop); gzip at level 5 for clients that take only gzip.
 */
const compressors = {
  br: (body: Uint8Array) => brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
  gzip: (body: Uint8Array) => gz(body, { level: 5 }),
} as const;

/** Statuses whose answers never have a body. */
const NO_BODY = new Set([101, 204, 205, 304]);

/** JSON and text, but never a stream of events, which must reach the client as it is written. */
const COMPRESSIBLE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/(?!event-stream))/i;

/**
 * Compresses the answers to GET requests whose path `applies` to (the APIs and the forwarding proxy)
 * when the client accepts Brotli or gzip: a page of jobs or backups is tens of kilobytes of JSON that
 * shrink tenfold, which on a phone's network is most of the wait before the Overview can paint.
 *
 * Only GET: a token is issued by a POST, and an answer that carries a secret next to text the client
 * chose is what BREACH-style attacks read through compression, so those answers go uncompressed. An
 * answer that is already encoded, too small, not JSON or text, or has no body goes as it is. Its ETag
 * becomes weak, since the bytes on the wire differ from the plain representation's.
 */
export function compressAnswers(applies: (path: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || !applies(c.req.path)) return;
    const res = c.res;
    // The status and headers first: reading `res.body` turns the server's light answer (a string or
    // bytes it writes out as they are) into a stream, which an answer that goes plain need not pay for.
    if (NO_BODY.has(res.status) || res.headers.has('content-encoding')) return;
    if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
    const encoding = acceptedEncodings(c.req.header('accept-encoding'))[0];
    if (encoding && !res.body) return;
    // Vary even when this client gets it plain: a cache must not give it to one that asked for Brotli.
    res.headers.append('vary', 'Accept-Encoding');
    if (!encoding) return;
    const plain = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    let body: Uint8Array = plain;
    if (plain.byteLength >= COMPRESS_MIN_BYTES) {
      body = await compressors[encoding](plain);
      headers.set('content-encoding', encoding);
      headers.delete('content-length');
      const etag = headers.get('etag');
      if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
    }
    // The old answer is dropped first, so that Hono does not merge its headers back into the new one.
    c.res = undefined;
    c.res = new Response(body as Uint8Array<ArrayBuffer>, {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
  };
}
