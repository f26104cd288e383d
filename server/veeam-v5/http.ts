import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Paged } from '../../src/api/veeam-v5/wire';
import { PAGE_DEFAULT_LIMIT, PAGE_MAX_LIMIT } from '../../src/api/veeam-v5/wire';
import type { ServiceContext } from '../context';
import { VEEAM_V5 } from '../../src/api/contract/apis';
import { VEEAM_ACCESS_TOKEN } from '../identity/veeam';
import { authenticate, authorizeRequest } from '../identity/auth';
import type { User } from '../identity/users';
import type { PageQuery } from '../store/veeam-types';

/** Veeam v5 request and answer helpers: its error body, auth, paging, JSON bodies. */

/** `{message, errorCode}` with the status (docs/dialects/veeam-v5.md: clients read `message`). */
export function veeamError(c: Context, status: ContentfulStatusCode, message: string): Response {
  return c.json(VEEAM_V5.errorBody.write(status, message), status);
}

/** Registers a route under the path as Veeam clients write it: with and without a trailing slash. */
export function route(
  app: Hono,
  method: 'GET' | 'POST',
  path: string,
  handler: (c: Context) => Response | Promise<Response>,
): void {
  app.on(method, [path, `${path}/`], handler);
}

/**
 * The caller, when the token is good and the role may do what the request is in the table of
 * operations (src/api/contract/apis.ts); otherwise the 401/403 answer. Where the body names the
 * command, only the token is checked here: call `forbidden` with the command once the body is read.
 */
export function guard(ctx: ServiceContext, c: Context): User | Response {
  const auth = authenticate(ctx, c, VEEAM_ACCESS_TOKEN);
  if (!auth.ok) {
    c.header('WWW-Authenticate', 'Bearer');
    return veeamError(c, 401, auth.message);
  }
  return forbidden(c, auth.user) ?? auth.user;
}

/** The 403 answer when the user's role may not do the request (with the command its body names). */
export function forbidden(c: Context, user: User, command?: string): Response | undefined {
  const allowed = authorizeRequest(user, VEEAM_V5, c, command);
  return allowed.ok ? undefined : veeamError(c, 403, allowed.message);
}

/** A query parameter, its name matched without regard to case (ASP.NET binds them so). */
export function queryParam(c: Context, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of new URL(c.req.url).searchParams) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function wholeNumber(text: string | undefined, name: string, min: number, max: number, fallback: number) {
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    return `${name} must be a whole number from ${min} to ${max}, not "${text}".`;
  }
  return Number(text);
}

/** `offset` (default 0) and `limit` (default 30, at most 10,000), or the 400 answer. */
export function readPage(c: Context): PageQuery | Response {
  const offset = wholeNumber(queryParam(c, 'offset'), 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = wholeNumber(queryParam(c, 'limit'), 'limit', 1, PAGE_MAX_LIMIT, PAGE_DEFAULT_LIMIT);
  if (typeof offset === 'string') return veeamError(c, 400, offset);
  if (typeof limit === 'string') return veeamError(c, 400, limit);
  return { offset, limit };
}

/** The paged wrapper; `rows` holds up to limit + 1 rows, the extra one telling that a next page exists. */
export function paged<R, T>(c: Context, rows: R[], page: PageQuery, present: (row: R) => T): Paged<T> {
  return {
    offset: page.offset,
    limit: page.limit,
    results: rows.slice(0, page.limit).map(present),
    _links: pageLinks(c, page, rows.length > page.limit),
  };
}

/** A page's `_links`: self and first, prev after the first page, next when there is more. */
export function pageLinks(c: Context, page: PageQuery, more: boolean): Paged<unknown>['_links'] {
  const url = new URL(c.req.url);
  const href = (offset: number) => {
    url.searchParams.set('offset', String(offset));
    url.searchParams.set('limit', String(page.limit));
    return { href: `${url.pathname}?${url.searchParams.toString()}` };
  };
  const links: Paged<unknown>['_links'] = { self: href(page.offset), first: href(0) };
  if (page.offset > 0) links.prev = href(Math.max(0, page.offset - page.limit));
  if (more) links.next = href(page.offset + page.limit);
  return links;
}

/**
 * JSON is read under any JSON media type (application/json, text/json, application/*+json), and also
 * with no Content-Type or text/plain: seed 004's requests show only the Authorization header, and a
 * body sent so arrives without a type or as text/plain. A form or any other type is refused (415).
 */
function mayBeJson(contentType: string): boolean {
  const type = contentType.trim();
  return (
    type === '' ||
    /^text\/plain\s*(;|$)/i.test(type) ||
    /^(application|text)\/([\w.-]+\+)?json\s*(;|$)/i.test(type)
  );
}

export async function readJson(c: Context): Promise<{ body: unknown } | Response> {
  const type = c.req.header('content-type') ?? '';
  if (!mayBeJson(type)) {
    return veeamError(
      c,
      415,
      `The request body must be JSON (Content-Type: application/json), not ${type ? `"${type}"` : 'a body without a Content-Type'}.`,
    );
  }
  const text = await c.req.text();
  if (!text.trim()) return veeamError(c, 400, 'The request body is empty: send a JSON object.');
  try {
    return { body: JSON.parse(text) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return veeamError(
      c,
      400,
      `The request body is not valid JSON (${detail}). Use double quotes around names and strings.`,
    );
  }
}

/** ISO-8601 UTC, or null. */
export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** 200 with no body, as seed 004 answers every job action ("Response Body: None"). */
export function emptyOk(): Response {
  return new Response(null, {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': '0' },
  });
}

/** The `:id` of the path (lower case: /v5 paths are matched in lower case, and ids are GUIDs). */
export const idParam = (c: Context): string => c.req.param('id') ?? '';
