import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Service } from './app';
import type { PageConfig, StreamedPage } from './console-pages';
import { ConsolePages } from './console-pages';
import type { FetchLike } from '../src/api/http';
import { CONSOLE_API } from './console/browser-config';
import { SESSION_COOKIE } from './console/sessions';
import { withoutForeignReason } from './console/sign-in-reason';
import type { Encoding, Representation } from './encoding';
import { ENCODINGS, acceptedEncodings, notModified, pick } from './encoding';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Hashed file names never change content: a year, immutable. Everything else is revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const fileStat = (path: string) => {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s?.isFile() ? s : undefined;
  } catch {
    return undefined; // a name the file system refuses (too long, a NUL byte) is simply not there
  }
};

/**
 * A file of the build and its precompressed variants (`.br`, `.gz` written by the build), each with
 * an ETag from its size and time. A variant older than its file (the file was edited after the build,
 * as `config.json` may be) is ignored.
 */
function fileRepresentations(file: string): Representation[] | undefined {
  const stat = fileStat(file);
  if (!stat) return undefined;
  const tag = `${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}`;
  const out: Representation[] = [{ encoding: null, etag: `"${tag}"`, body: () => readFileSync(file) }];
  for (const encoding of ENCODINGS) {
    const path = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    const variant = fileStat(path);
    if (variant && variant.mtimeMs >= stat.mtimeMs)
      out.push({ encoding, etag: `"${tag}-${encoding}"`, body: () => readFileSync(path) });
  }
  return out;
}

/** Answers with the representation the client accepts best, or 304 when it holds that one already. */
export function send(
  c: Context,
  choices: Representation[],
  headers: { type: string; cacheControl: string },
  status: 200 | 404 = 200,
): Response {
  const chosen = pick(choices, acceptedEncodings(c.req.header('accept-encoding')));
  const common: Record<string, string> = { 'cache-control': headers.cacheControl, etag: chosen.etag };
  if (choices.length > 1) common.vary = 'Accept-Encoding';
  if (status === 200 && notModified(c.req.header('if-none-match'), chosen.etag))
    return c.body(null, 304, common);
  const encoding: Encoding | null = chosen.encoding;
  return c.body(chosen.body(), status, {
    ...common,
    'content-type': headers.type,
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
}

/**
 * Answers with a page sent in two parts (`StreamedPage`), compressed as the client accepts: the head is
 * flushed through the compressor at once, so that the browser can read it and fetch the code it names
 * before the rest is made. Not kept, so no ETag. A client gone before the rest ends the stream.
 */
function sendStreamed(
  c: Context,
  page: StreamedPage,
  headers: { type: string; cacheControl: string },
): Response {
  const encoding = acceptedEncodings(c.req.header('accept-encoding'))[0] ?? null;
  const common = {
    'cache-control': headers.cacheControl,
    'content-type': headers.type,
    vary: 'Accept-Encoding',
    // A proxy in front (nginx) would otherwise hold the head back until its buffer fills or the page ends.
    'x-accel-buffering': 'no',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  };
  // HEAD: the same answer without a body, and without a render nobody will read.
  if (c.req.method === 'HEAD') return c.body(null, 200, common);
  const out =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === 'gzip'
        ? createGzip()
        : new PassThrough();
  // The rest is made once the head has been handed on (the flush's callback, then the turn after it,
  // in which the head's bytes go to the socket): its render holds the event loop for a while.
  const later = () =>
    setImmediate(() => {
      if (out.destroyed) return; // the browser has gone: no render for nobody
      void page.rest().then((rest) => {
        if (!out.destroyed) out.end(rest);
      });
    });
  if (out instanceof PassThrough) out.write(page.head, later);
  else {
    out.write(page.head);
    out.flush(encoding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH, later);
  }
  return c.body(Readable.toWeb(out) as ReadableStream<Uint8Array>, 200, common);
}

/**
 * Serves the built console: its files (hashed assets cached for a year, the rest revalidated by
 * ETag), each in the Brotli or gzip variant the build wrote when the client accepts it, and the page
 * (`index.html` with the preloads of the route asked for, the sign-in page rendered into it) for every
 * other GET, so that deep links into the single-page app work. Source maps and dot-folders are not served.
 * `warm()` loads the server's build of the pages before the first page asks for it (ConsolePages.warm).
 */
export function serveConsole(
  /** The service's app, and its API paths, which the page fallback leaves to the routes. */
  { app, apiPrefix }: Pick<Service, 'app' | 'apiPrefix'>,
  dir: string,
  runtimeConfig?: PageConfig,
): { warm: () => Promise<boolean> } {
  const root = resolve(dir);
  const pages = new ConsolePages(root, runtimeConfig);

  // Console mode: config.json is the server's own (the connections it holds), not the file on disk.
  if (runtimeConfig) {
    const body = Buffer.from(JSON.stringify(runtimeConfig));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const choices: Representation[] = [{ encoding: null, etag, body: () => body }];
    app.get('/config.json', (c) => send(c, choices, { type: TYPES['.json']!, cacheControl: REVALIDATE }));
  }

  app.get('*', async (c, next) => {
    // The path arrives decoded once (the app's getPath); it is never decoded a second time.
    const path = c.req.path;
    if (apiPrefix.test(path) || path.startsWith('/proxy/')) return next();
    // A '%' left after decoding is a malformed escape or an escaped '%': no file or page has one.
    if (path.includes('%') || path.includes('\0')) return send(c, pages.page(path), pageHeaders, 404);
    const rel = normalize(path).replace(/^([/\\])+/, '');
    const hidden = rel.split(/[/\\]/).some((segment) => segment.startsWith('.'));
    const ext = extname(rel);
    if (!hidden && ext !== '.map' && rel !== 'index.html' && !ext.match(/^\.(br|gz)$/)) {
      const file = join(root, rel);
      const choices = rel && file.startsWith(root + sep) ? fileRepresentations(file) : undefined;
      if (choices)
        return send(c, choices, {
          type: TYPES[ext] ?? 'application/octet-stream',
          cacheControl: rel.startsWith('assets/') ? IMMUTABLE : REVALIDATE,
        });
    }
    if (ext && rel !== 'index.html') return c.text(`Not found: ${path}`, 404);
    if (path === SIGN_IN_PATH) {
      const clean = withoutForeignReason(new URL(c.req.url));
      if (clean !== null) return c.redirect(clean, 303);
    }
    const url = new URL(c.req.url);
    const cookie = getCookie(c, SESSION_COOKIE) === undefined ? null : (c.req.header('cookie') ?? null);
    // Console mode, a browser with a session cookie: the Overview comes rendered with the person's data
    // (server/console-pages.ts), made by this server's own routes with that cookie, never kept.
    const ownRoutes: FetchLike | null =
      runtimeConfig && cookie !== null
        ? (to, init) => {
            const headers = new Headers(init.headers);
            headers.set('cookie', cookie);
            return Promise.resolve(
              app.request(new URL(to, url), { ...init, headers }, c.env as object | undefined),
            );
          }
        : null;
    if (ownRoutes) {
      const page = await pages.signedInPage(url, ownRoutes);
      if (page) return sendStreamed(c, page, signedInPageHeaders);
    }
    // The sign-in page comes rendered (server/console-pages.ts) to whoever is not signed in to the
    // console: a cookie that names no good session (it ended, or idled out) is as good as none.
    const signedIn =
      ownRoutes && path === SIGN_IN_PATH
        ? (await ownRoutes(`${CONSOLE_API}/session`, { method: 'GET' })).ok
        : false;
    const rendered = signedIn ? null : await pages.renderedPage(url);
    return send(c, rendered ?? pages.page(path), pageHeaders);
  });
  return { warm: () => pages.warm() };
}

/** The sign-in page, whose reason for a refused sign-in (`?error=…`) only this server may set. */
const SIGN_IN_PATH = '/sign-in';

const pageHeaders = { type: TYPES['.html']!, cacheControl: REVALIDATE };
/** A page with a person's data in it: stored nowhere, by no cache. */
const signedInPageHeaders = { type: TYPES['.html']!, cacheControl: 'no-store' };
