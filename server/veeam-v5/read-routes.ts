import type { Context, Hono } from 'hono';
import type { ServiceContext } from '../context';
import type { JsonBytes } from '../store/fragment-list';
import type { PageQuery } from '../store/veeam-types';
import { guard, idParam, paged, readPage, route, veeamError } from './http';

/** The three shapes of Veeam read endpoints, each open to every role: a bare array, one, a page. */

export function getArray(
  app: Hono,
  ctx: ServiceContext,
  path: string,
  list: (c: Context) => unknown[],
): void {
  route(app, 'GET', path, (c) => {
    const user = guard(ctx, c);
    return user instanceof Response ? user : c.json(list(c));
  });
}

/** One resource by `:id`, or 404 naming what was asked for. */
export function getOne<R>(
  app: Hono,
  ctx: ServiceContext,
  path: string,
  what: string,
  find: (id: string) => R | undefined,
  present: (row: R) => unknown,
): void {
  route(app, 'GET', path, (c) => {
    const user = guard(ctx, c);
    if (user instanceof Response) return user;
    const row = find(idParam(c));
    return row === undefined
      ? veeamError(c, 404, `There is no ${what} with id "${idParam(c)}".`)
      : c.json(present(row));
  });
}

/**
 * A paged list. With `parent`, the list belongs to the resource of `:id`, and an unknown one is a 404;
 * `rows` may answer a Response of its own (a bad filter).
 */
export function getPage<R>(
  app: Hono,
  ctx: ServiceContext,
  path: string,
  rows: (page: PageQuery, c: Context) => R[] | Response,
  present: (row: R) => unknown,
  parent?: Parent,
): void {
  pageRoute(app, ctx, path, parent, (page, c) => {
    const found = rows(page, c);
    return found instanceof Response ? found : c.json(paged(c, found, page, present));
  });
}

/** A paged list answered from kept JSON bytes (lists.ts), checked as getPage checks. */
export function getKeptPage(
  app: Hono,
  ctx: ServiceContext,
  path: string,
  answer: (page: PageQuery, c: Context) => JsonBytes | Response,
  parent?: Parent,
): void {
  pageRoute(app, ctx, path, parent, (page, c) => {
    const body = answer(page, c);
    return body instanceof Response ? body : c.body(body, 200, { 'content-type': 'application/json' });
  });
}

type Parent = { what: string; exists: (id: string) => boolean };

function pageRoute(
  app: Hono,
  ctx: ServiceContext,
  path: string,
  parent: Parent | undefined,
  respond: (page: PageQuery, c: Context) => Response,
): void {
  route(app, 'GET', path, (c) => {
    const user = guard(ctx, c);
    if (user instanceof Response) return user;
    const page = readPage(c);
    if (page instanceof Response) return page;
    if (parent && !parent.exists(idParam(c))) {
      return veeamError(c, 404, `There is no ${parent.what} with id "${idParam(c)}".`);
    }
    return respond(page, c);
  });
}
